package dev.parley.plugin.action;

import dev.parley.plugin.bot.ResponseVariation.Button;
import java.util.List;
import java.util.Map;

/**
 * A message an action wants the bot to send: either literal parts, or the name of a domain response
 * ({@code response}) that the core renders with the given extra template arguments.
 *
 * @param text literal text, or {@code null}
 * @param buttons literal buttons
 * @param image image URL, or {@code null}
 * @param custom custom payload
 * @param response domain response to render, or {@code null}
 * @param arguments extra {@code {name}} values for rendering
 */
public record BotResponse(
    String text,
    List<Button> buttons,
    String image,
    Map<String, Object> custom,
    String response,
    Map<String, Object> arguments) {

  /** Normalises null collections. */
  public BotResponse {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    custom = custom == null ? Map.of() : custom;
    arguments = arguments == null ? Map.of() : arguments;
  }

  /** A plain text message. */
  public static BotResponse text(String text) {
    return new BotResponse(text, null, null, null, null, null);
  }

  /** A domain response to render. */
  public static BotResponse response(String name) {
    return new BotResponse(null, null, null, null, name, null);
  }
}
