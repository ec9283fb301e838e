package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The conversation was restarted: everything before it is forgotten ({@code restart}).
 *
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record Restarted(double timestamp, Map<String, Object> metadata) implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "restart";

  /** Normalises null metadata. */
  public Restarted {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A restart now. */
  public static Restarted now() {
    return new Restarted(Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
