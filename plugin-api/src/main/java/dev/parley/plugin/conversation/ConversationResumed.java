package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The bot answers again ({@code resume}).
 *
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record ConversationResumed(double timestamp, Map<String, Object> metadata) implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "resume";

  /** Normalises null metadata. */
  public ConversationResumed {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A resume now. */
  public static ConversationResumed now() {
    return new ConversationResumed(Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
