package dev.parley.plugin.nlu;

import java.util.Map;

/**
 * A user message as NLU plugins see it.
 *
 * @param text the raw text
 * @param language the bot's language code
 * @param metadata channel metadata sent with the message (never {@code null})
 */
public record Message(String text, String language, Map<String, Object> metadata) {

  /** Normalises null metadata to an empty map. */
  public Message {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
