package dev.parley.plugin.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of one conversation's state, derived from its event log. Handed to policies and
 * actions; plugins change a conversation only by returning events.
 */
public interface ConversationView {

  /** The sender (conversation) id. */
  String senderId();

  /** Events since the last restart, oldest first (the earlier sessions included). */
  List<Event> events();

  /** Events of the current session only, oldest first. */
  List<Event> sessionEvents();

  /** Current slot values; unset slots are present with a {@code null} value. */
  Map<String, Object> slots();

  /** The value of one slot, if set. */
  default Optional<Object> slot(String name) {
    return Optional.ofNullable(slots().get(name));
  }

  /** The latest user message, if any. */
  Optional<UserUttered> latestMessage();

  /** The name of the latest executed action, if any. */
  Optional<String> latestActionName();

  /** The active loop (form), if any. */
  Optional<String> activeLoop();

  /** Whether the active loop was interrupted. */
  boolean loopInterrupted();

  /**
   * Whether the active loop rejected its latest run and has not run since (Rasa's {@code
   * is_active_loop_rejected}): it stays rejected until the loop runs again or another loop starts,
   * and while it is, rules and stories rather than the loop's happy path choose the next action.
   * Derived from the session's events; a view that keeps the state may answer directly.
   */
  default boolean activeLoopRejected() {
    Optional<String> loop = activeLoop();
    if (loop.isEmpty()) {
      return false;
    }
    List<Event> events = sessionEvents();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof ActionExecutionRejected rejection
          && rejection.name().equals(loop.get())) {
        return true;
      }
      if ((event instanceof ActionExecuted action && action.name().equals(loop.get()))
          || event instanceof ActiveLoop) {
        return false;
      }
    }
    return false;
  }

  /** Whether the conversation is paused (hand-over to a human). */
  boolean paused();

  /** The action forced to run next, if any. */
  Optional<String> followupAction();
}
