package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.OutOfScope;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NluRuntimeTest {

  private static NluRuntime pipeline(double top, double second) {
    return new NluRuntime(
        List.of(
            message ->
                List.of(
                    new IntentPrediction("greet", top),
                    new IntentPrediction("bye", second),
                    new IntentPrediction("order", 0.01),
                    new IntentPrediction("other", 0.0))),
        List.of(),
        0.7,
        Optional.of(0.1),
        3);
  }

  @Test
  void confidentIntentWinsAndTheRankingIsCut() {
    ParseResult result = pipeline(0.9, 0.05).parse(new Message("hi", "en", null));
    assertEquals("greet", result.intent().name());
    assertEquals(3, result.intentRanking().size());
  }

  @Test
  void belowTheThresholdItIsNluFallback() {
    ParseResult result = pipeline(0.6, 0.3).parse(new Message("hm", "en", null));
    assertEquals("nlu_fallback", result.intent().name());
    assertEquals(0.7, result.intent().confidence());
    assertEquals("nlu_fallback", result.intentRanking().get(0).name());
    assertEquals("greet", result.intentRanking().get(1).name());
    assertEquals(3, result.intentRanking().size());
  }

  @Test
  void ambiguousTopTwoIsNluFallback() {
    assertEquals(
        "nlu_fallback", pipeline(0.75, 0.7).parse(new Message("x", "en", null)).intent().name());
  }

  @Test
  void outOfScopeInputIsNluFallbackDecidedByTheDetector() {
    NluRuntime runtime =
        new NluRuntime(
            List.of(
                message ->
                    List.of(
                        new IntentPrediction(OutOfScope.INTENT, 0.95),
                        new IntentPrediction("greet", 0.95),
                        new IntentPrediction("bye", 0.05))),
            List.of(),
            0.7,
            Optional.empty(),
            3);
    ParseResult result = runtime.parse(new Message("what is the capital of peru", "en", null));
    assertEquals("nlu_fallback", result.intent().name());
    assertEquals("oos", result.decision().decidedBy());
    assertEquals(
        List.of("nlu_fallback", "greet", "bye"),
        result.intentRanking().stream().map(IntentPrediction::name).toList());
  }
}
