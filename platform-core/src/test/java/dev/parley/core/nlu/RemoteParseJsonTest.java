package dev.parley.core.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.core.json.Json;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.NluDecision.StageVerdict;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A parse crosses from the NLU server to a dialogue server as JSON without losing anything. */
class RemoteParseJsonTest {

  @Test
  void aParseWithEntitiesRetrievalAndDecisionSurvivesTheWire() throws Exception {
    IntentPrediction faq = new IntentPrediction("faq", 0.71);
    ParseResult parse =
        new ParseResult(
            "when do you open in Paris",
            faq,
            List.of(faq, new IntentPrediction("greet", 0.2)),
            List.of(Entity.of("city", "Paris", 20, 25, 0.93, "CRFEntityExtractor")),
            Map.of("faq", Map.of("response", Map.of("intent_response_key", "faq/ask_hours"))),
            new NluDecision(
                "EmbeddingFewShotRecheck",
                List.of(
                    new StageVerdict(
                        "EmbeddingFewShotRecheck", StageVerdict.CONFIRMED, "faq", 0.8))));
    String json = Json.mapper().writeValueAsString(Map.of("version", 3, "parse", parse));
    ParseResult read =
        Json.mapper().treeToValue(Json.mapper().readTree(json).path("parse"), ParseResult.class);
    assertEquals(parse, read);
  }
}
