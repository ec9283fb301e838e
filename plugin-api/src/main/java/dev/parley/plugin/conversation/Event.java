package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * One entry of a conversation's event log, as in Rasa. {@link #type()} is Rasa's {@code event}
 * name. Timestamps are epoch seconds.
 */
public sealed interface Event
    permits UserUttered,
        BotUttered,
        ActionExecuted,
        SlotSet,
        ActiveLoop,
        LoopInterrupted,
        Restarted,
        SessionStarted,
        FollowupAction,
        AllSlotsReset,
        UserUtteranceReverted,
        ActionReverted,
        ConversationPaused,
        ConversationResumed,
        ActionExecutionRejected {

  /** Rasa's event name, e.g. {@code user} or {@code slot}. */
  String type();

  /** When it happened, in epoch seconds. */
  double timestamp();

  /** Free-form metadata (never {@code null}). */
  Map<String, Object> metadata();

  /** The current time in epoch seconds, for building events. */
  static double now() {
    return System.currentTimeMillis() / 1000.0;
  }
}
