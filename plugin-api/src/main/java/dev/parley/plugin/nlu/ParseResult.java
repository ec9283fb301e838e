package dev.parley.plugin.nlu;

import java.util.List;

/**
 * What NLU made of a message, in Rasa's shape.
 *
 * @param text the message text
 * @param intent the winning intent ({@code nlu_fallback} when nothing was confident enough)
 * @param intentRanking the top intents, best first
 * @param entities entities found
 */
public record ParseResult(
    String text,
    IntentPrediction intent,
    List<IntentPrediction> intentRanking,
    List<Entity> entities) {

  /** Normalises null lists. */
  public ParseResult {
    intentRanking = intentRanking == null ? List.of() : List.copyOf(intentRanking);
    entities = entities == null ? List.of() : List.copyOf(entities);
  }
}
