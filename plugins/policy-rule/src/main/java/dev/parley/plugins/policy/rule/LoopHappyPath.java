package dev.parley.plugins.policy.rule;

import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.FollowupAction;
import dev.parley.plugins.dialogue.Elements;
import java.util.List;
import java.util.Optional;

/**
 * Rasa's loop happy path ({@code _find_action_from_loop_happy_path}): while a loop is active and
 * not rejected, it runs unless it was the latest action, and the bot listens once it has run. A
 * rejected loop stays rejected until it runs again, so rules and stories decide in between.
 */
final class LoopHappyPath {

  private LoopHappyPath() {}

  /** The loop or {@code action_listen}; empty when no loop is active or it is rejected. */
  static Optional<String> predict(ConversationView conversation) {
    Optional<String> loop = conversation.activeLoop();
    if (loop.isEmpty() || conversation.activeLoopRejected()) {
      return Optional.empty();
    }
    boolean loopRanLast = latestActionIsLoop(conversation.sessionEvents(), loop.get());
    return Optional.of(loopRanLast ? Elements.ACTION_LISTEN : loop.get());
  }

  /**
   * Whether the latest action is the loop, counting an action the loop asked to run next (a form's
   * {@code action_ask_<slot>}) as the loop's own, since Rasa runs it inside the form.
   */
  static boolean latestActionIsLoop(List<Event> events, String loop) {
    String latest = null;
    boolean askedFor = false;
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof ActionExecuted action) {
        if (latest != null) {
          return askedFor && action.name().equals(loop);
        }
        if (action.name().equals(loop)) {
          return true;
        }
        latest = action.name();
      } else if (latest != null
          && event instanceof FollowupAction followup
          && followup.name().equals(latest)) {
        askedFor = true;
      }
    }
    return false;
  }
}
