package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * A new session began ({@code session_started}).
 *
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record SessionStarted(double timestamp, Map<String, Object> metadata) implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "session_started";

  /** Normalises null metadata. */
  public SessionStarted {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A session start now. */
  public static SessionStarted now() {
    return new SessionStarted(Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
