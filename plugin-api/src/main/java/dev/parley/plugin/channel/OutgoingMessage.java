package dev.parley.plugin.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message of the bot, as Rasa's output channels see it: text, buttons, an image, custom JSON.
 * Parts the message does not have are empty.
 *
 * @param recipient the sender the message answers
 * @param text the text
 * @param buttons the buttons (title and payload)
 * @param image an image URL
 * @param custom the custom JSON of the response
 */
public record OutgoingMessage(
    String recipient,
    Optional<String> text,
    List<Button> buttons,
    Optional<String> image,
    Map<String, Object> custom) {

  /** Copies the parts (a map may hold JSON nulls). */
  public OutgoingMessage {
    buttons = List.copyOf(buttons);
    custom = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(custom));
  }

  /**
   * A button: what it shows and what it sends back as the user's message.
   *
   * @param title the label
   * @param payload the text sent when pressed (often {@code /intent{"slot":"value"}})
   */
  public record Button(String title, String payload) {}
}
