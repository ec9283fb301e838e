package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * Every slot was reset to its initial value ({@code reset_slots}).
 *
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record AllSlotsReset(double timestamp, Map<String, Object> metadata) implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "reset_slots";

  /** Normalises null metadata. */
  public AllSlotsReset {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A reset now. */
  public static AllSlotsReset now() {
    return new AllSlotsReset(Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
