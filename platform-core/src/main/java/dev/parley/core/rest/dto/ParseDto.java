package dev.parley.core.rest.dto;

import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;

/** Rasa's {@code model/parse} answer, with Parley's NLU decision as {@code parley}. */
public record ParseDto(
    String text,
    IntentPrediction intent,
    List<IntentPrediction> intentRanking,
    List<Entity> entities,
    NluDecision parley) {

  /** The JSON body of a parse result. */
  public static ParseDto from(ParseResult result) {
    return new ParseDto(
        result.text(),
        result.intent(),
        result.intentRanking(),
        result.entities(),
        result.decision());
  }
}
