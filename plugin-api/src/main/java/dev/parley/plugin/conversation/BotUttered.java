package dev.parley.plugin.conversation;

import java.util.Map;

/**
 * The bot said something ({@code bot}). Structured parts (buttons, image, custom, attachment) are
 * in {@code data}; the response name is in {@code metadata.utter_action}.
 *
 * @param text the text, or {@code null} for a message without text
 * @param data structured parts
 * @param timestamp epoch seconds
 * @param metadata free-form metadata
 */
public record BotUttered(
    String text, Map<String, Object> data, double timestamp, Map<String, Object> metadata)
    implements Event {

  /** Rasa's event name. */
  public static final String TYPE = "bot";

  /** Normalises null maps. */
  public BotUttered {
    data = data == null ? Map.of() : data;
    metadata = metadata == null ? Map.of() : metadata;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
