package dev.parley.core.nlu.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationReportTest {

  private static ParseResult answered(String text, String intent, double confidence) {
    IntentPrediction top = new IntentPrediction(intent, confidence);
    return new ParseResult(text, top, List.of(top), List.of());
  }

  private static ParseResult fallback(String text, String classifierTop, String decidedBy) {
    IntentPrediction fallback = new IntentPrediction("nlu_fallback", 0.7);
    return new ParseResult(
        text,
        fallback,
        List.of(fallback, new IntentPrediction(classifierTop, 0.5)),
        List.of(),
        Map.of(),
        new NluDecision(decidedBy, List.of()));
  }

  private static NluExample example(String text, String intent) {
    return new NluExample(text, intent, List.of());
  }

  @Test
  void countsArgmaxCoverageCalibrationAndOutOfScopeRecall() {
    List<NluExample> examples =
        List.of(
            example("hi", "greet"),
            example("bye", "bye"),
            example("hm", "greet"),
            example("capital of peru", "oos"),
            example("weather on mars", "oos"));
    List<ParseResult> results =
        List.of(
            answered("hi", "greet", 0.9),
            answered("bye", "greet", 0.9),
            fallback("hm", "greet", "fallback"),
            fallback("capital of peru", "greet", "oos"),
            answered("weather on mars", "bye", 0.8));
    Map<String, Object> report = new CalibrationReport(examples, results).toMap();
    assertEquals(2 / 3.0, (double) report.get("argmax_accuracy"), 1e-9);
    assertEquals(2 / 3.0, (double) report.get("coverage"), 1e-9);
    assertEquals(0.5, (double) report.get("answered_precision"), 1e-9);
    assertEquals(1 / 3.0, (double) report.get("in_scope_accuracy"), 1e-9);
    Map<?, ?> calibration = (Map<?, ?>) report.get("calibration");
    // bin 0.5: confidence 0.5, right; bin 0.9: two at 0.9, one right
    assertEquals((0.5 * 1 + 0.4 * 2) / 3, (double) calibration.get("ece"), 1e-9);
    Map<?, ?> oos = (Map<?, ?>) report.get("out_of_scope");
    assertEquals(2, oos.get("examples"));
    assertEquals(0.5, (double) oos.get("recall"), 1e-9);
    assertEquals(1, oos.get("flagged_by_detector"));
  }
}
