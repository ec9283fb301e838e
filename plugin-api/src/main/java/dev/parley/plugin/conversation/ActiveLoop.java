package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * A loop (form) became active; a {@code null} name deactivates it ({@code active_loop}).
 *
 * @param name the loop, or {@code null} to deactivate
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record ActiveLoop(String name, double timestamp, Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "active_loop";

  /** Normalises null metadata. */
  public ActiveLoop {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A loop change now. */
  public static ActiveLoop of(String name) {
    return new ActiveLoop(name, Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
