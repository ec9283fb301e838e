package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * A slot got a value; {@code null} unsets it ({@code slot}).
 *
 * @param name slot name
 * @param value new value, or {@code null}
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record SlotSet(String name, Object value, double timestamp, Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "slot";

  /** Normalises null metadata. */
  public SlotSet {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A slot set now. */
  public static SlotSet of(String name, Object value) {
    return new SlotSet(name, value, Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
