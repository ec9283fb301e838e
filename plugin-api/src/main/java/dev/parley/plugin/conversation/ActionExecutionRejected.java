package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * An action refused to run (e.g. a form that could not use the message), so another may be
 * predicted ({@code action_execution_rejected}).
 *
 * @param name the rejected action
 * @param policy the policy that predicted it, or {@code null}
 * @param confidence its confidence, or {@code null}
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record ActionExecutionRejected(
    String name, String policy, Double confidence, double timestamp, Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "action_execution_rejected";

  /** Normalises null metadata. */
  public ActionExecutionRejected {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A rejection now. */
  public static ActionExecutionRejected of(String name, String policy, Double confidence) {
    return new ActionExecutionRejected(name, policy, confidence, Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
