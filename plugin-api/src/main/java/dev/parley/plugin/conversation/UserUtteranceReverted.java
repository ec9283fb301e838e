package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The last user message and what followed it are undone ({@code rewind}).
 *
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record UserUtteranceReverted(double timestamp, Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "rewind";

  /** Normalises null metadata. */
  public UserUtteranceReverted {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A rewind now. */
  public static UserUtteranceReverted now() {
    return new UserUtteranceReverted(Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
