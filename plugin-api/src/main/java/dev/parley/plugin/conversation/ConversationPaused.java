package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The bot stops answering until resumed, e.g. for a human hand-over ({@code pause}).
 *
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record ConversationPaused(double timestamp, Map<String, Object> metadata) implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "pause";

  /** Normalises null metadata. */
  public ConversationPaused {
    metadata = metadata == null ? Map.of() : metadata;
  }

  /** A pause now. */
  public static ConversationPaused now() {
    return new ConversationPaused(Event.now(), Map.of());
  }

  @Override
  public String type() {
    return TYPE;
  }
}
