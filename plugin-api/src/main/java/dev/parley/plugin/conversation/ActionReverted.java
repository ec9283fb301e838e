package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The last action is undone ({@code undo}).
 *
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record ActionReverted(double timestamp, Map<String, Object> metadata) implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "undo";

  /** Normalises null metadata. */
  public ActionReverted {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** An undo now. */
  public static ActionReverted now() {
    return new ActionReverted(Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
