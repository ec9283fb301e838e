package dev.parley.plugin.nlu;

import java.util.List;
import java.util.Map;

/**
 * What NLU made of a message, in Rasa's shape.
 *
 * @param text the message text
 * @param intent the winning intent ({@code nlu_fallback} when nothing was confident enough); for a
 *     retrieval intent such as {@code faq/ask_hours} this is the base intent {@code faq}
 * @param intentRanking the top intents, best first
 * @param entities entities found
 * @param responseSelector Rasa's {@code response_selector}: for each retrieval intent the chosen
 *     {@code intent_response_key} (e.g. {@code faq/ask_hours}), its {@code utter_action} and a
 *     ranking; empty when the message has none
 */
public record ParseResult(
    String text,
    IntentPrediction intent,
    List<IntentPrediction> intentRanking,
    List<Entity> entities,
    Map<String, Object> responseSelector) {

  /** Normalises null collections. */
  public ParseResult {
    intentRanking = intentRanking == null ? List.of() : List.copyOf(intentRanking);
    entities = entities == null ? List.of() : List.copyOf(entities);
    responseSelector = responseSelector == null ? Map.of() : Map.copyOf(responseSelector);
  }

  /** A result without retrieval intents. */
  public ParseResult(
      String text,
      IntentPrediction intent,
      List<IntentPrediction> intentRanking,
      List<Entity> entities) {
    this(text, intent, intentRanking, entities, Map.of());
  }
}
