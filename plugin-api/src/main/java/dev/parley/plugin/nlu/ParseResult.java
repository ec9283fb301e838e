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
 * @param decision which part of the NLU decided (Parley's extra {@code parley} field); the
 *     classifiers when not given
 */
public record ParseResult(
    String text,
    IntentPrediction intent,
    List<IntentPrediction> intentRanking,
    List<Entity> entities,
    Map<String, Object> responseSelector,
    NluDecision decision) {

  /** Normalises null collections; a missing decision means the classifiers decided. */
  public ParseResult {
    decision = decision == null ? NluDecision.classifier() : decision;
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
    this(text, intent, intentRanking, entities, Map.of(), null);
  }

  /** A result decided by the classifiers. */
  public ParseResult(
      String text,
      IntentPrediction intent,
      List<IntentPrediction> intentRanking,
      List<Entity> entities,
      Map<String, Object> responseSelector) {
    this(text, intent, intentRanking, entities, responseSelector, null);
  }

  /** The same result with the given decision. */
  public ParseResult withDecision(NluDecision newDecision) {
    return new ParseResult(text, intent, intentRanking, entities, responseSelector, newDecision);
  }

  /** The same result for another text (same offsets, e.g. a differently cased message). */
  public ParseResult withText(String newText) {
    return new ParseResult(newText, intent, intentRanking, entities, responseSelector, decision);
  }
}
