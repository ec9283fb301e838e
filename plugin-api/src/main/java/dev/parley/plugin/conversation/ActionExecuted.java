package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * An action ran ({@code action}).
 *
 * @param name the action
 * @param policy the policy that predicted it, or {@code null}
 * @param confidence its confidence, or {@code null}
 * @param actionText end-to-end bot text, or {@code null}
 * @param hideRuleTurn whether this turn came from a rule only, or {@code null}
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record ActionExecuted(
    String name,
    String policy,
    Double confidence,
    String actionText,
    Boolean hideRuleTurn,
    double timestamp,
    Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "action";

  /** Normalises null metadata. */
  public ActionExecuted {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** An executed action now. */
  public static ActionExecuted of(String name, String policy, Double confidence) {
    return new ActionExecuted(name, policy, confidence, null, null, Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
