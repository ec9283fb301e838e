package dev.parley.plugin.bot;

import java.util.List;
import java.util.Map;

/**
 * One variation of a response. Text may contain {@code {slot}} placeholders.
 *
 * @param text the text, or {@code null}
 * @param buttons buttons
 * @param image image URL, or {@code null}
 * @param custom custom payload
 * @param conditions slot conditions that must all hold for this variation to be chosen
 * @param channel the only channel this variation is for, or {@code null}
 * @param id variation id, or {@code null}
 */
public record ResponseVariation(
    String text,
    List<Button> buttons,
    String image,
    Map<String, Object> custom,
    List<SlotCondition> conditions,
    String channel,
    String id) {

  /** Copies the collections. */
  public ResponseVariation {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    custom = custom == null ? Map.of() : custom;
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  /**
   * A button of a response.
   *
   * @param title what the user sees
   * @param payload what is sent back, e.g. {@code /choose{"size":"large"}}
   */
  public record Button(String title, String payload) {}

  /**
   * A condition of a conditional response variation.
   *
   * @param name slot name
   * @param value required value
   */
  public record SlotCondition(String name, Object value) {}
}
