package dev.parley.core.turn;

import dev.parley.plugin.bot.ResponseVariation.Button;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message the bot sends, ready for a channel.
 *
 * @param text the text, or {@code null}
 * @param buttons buttons (may be empty)
 * @param image image URL, or {@code null}
 * @param custom custom payload (may be empty)
 * @param responseName the domain response it came from, or {@code null}
 * @param generation how the text was produced, when a generator was involved (recorded on the
 *     event's metadata as {@value #GENERATION_KEY})
 */
public record BotMessage(
    String text,
    List<Button> buttons,
    String image,
    Map<String, Object> custom,
    String responseName,
    Map<String, Object> generation) {

  /** The metadata key of the generation record. */
  public static final String GENERATION_KEY = "parley_generation";

  /** Normalises null collections. */
  public BotMessage {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    custom = custom == null ? Map.of() : custom;
    generation = generation == null ? Map.of() : Map.copyOf(generation);
  }

  /** A message without a generation record. */
  public BotMessage(
      String text,
      List<Button> buttons,
      String image,
      Map<String, Object> custom,
      String responseName) {
    this(text, buttons, image, custom, responseName, Map.of());
  }

  /** The same message (buttons, image, custom payload kept) with other text and its record. */
  public BotMessage withGeneration(String newText, Map<String, Object> record) {
    return new BotMessage(newText, buttons, image, custom, responseName, record);
  }

  /** The {@code bot} event that records this message. */
  public BotUttered toEvent() {
    Map<String, Object> data = new LinkedHashMap<>();
    if (!buttons.isEmpty()) {
      data.put(
          "buttons",
          buttons.stream()
              .map(button -> Map.of("title", button.title(), "payload", button.payload()))
              .toList());
    }
    if (image != null) {
      data.put("image", image);
    }
    if (!custom.isEmpty()) {
      data.put("custom", custom);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (responseName != null) {
      metadata.put("utter_action", responseName);
    }
    if (!generation.isEmpty()) {
      metadata.put(GENERATION_KEY, generation);
    }
    return new BotUttered(text, data, Event.now(), metadata);
  }

  /** The response name, if any. */
  public Optional<String> response() {
    return Optional.ofNullable(responseName);
  }
}
