package dev.parley.core.nlu.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.core.nlu.eval.EntityReport.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Figures computed by hand (and as scikit-learn's classification_report gives them). */
class ReportsTest {

  private static final double EPS = 1e-4;
  private static final List<String> TRUTH = List.of("a", "a", "a", "b", "b", "c");
  private static final List<String> PREDICTED = List.of("a", "a", "b", "b", "c", "c");

  @Test
  void classificationReportPerLabelAndAverages() {
    ClassificationReport report = ClassificationReport.of(TRUTH, PREDICTED);
    assertEquals(4.0 / 6, report.accuracy(), EPS);
    Scores a = report.byLabel().get("a");
    assertEquals(1.0, a.precision(), EPS);
    assertEquals(2.0 / 3, a.recall(), EPS);
    assertEquals(0.8, a.f1(), EPS);
    assertEquals(3, a.support());
    assertEquals(0.5, report.byLabel().get("b").f1(), EPS);
    Scores c = report.byLabel().get("c");
    assertEquals(0.5, c.precision(), EPS);
    assertEquals(1.0, c.recall(), EPS);
    assertEquals(2.0 / 3, c.f1(), EPS);
    assertEquals(2.0 / 3, report.macroAverage().precision(), EPS);
    assertEquals(0.72222, report.macroAverage().recall(), EPS);
    assertEquals(0.65556, report.macroAverage().f1(), EPS);
    assertEquals(0.75, report.weightedAverage().precision(), EPS);
    assertEquals(2.0 / 3, report.weightedAverage().recall(), EPS);
    assertEquals(0.67778, report.weightedAverage().f1(), EPS);
    assertEquals(6L, report.weightedAverage().support());
    Map<String, Object> map = report.toMap();
    assertEquals(
        List.of("a", "b", "c", "accuracy", "macro avg", "weighted avg"), List.copyOf(map.keySet()));
    assertEquals(0.8, (double) ((Map<?, ?>) map.get("a")).get("f1-score"), EPS);
  }

  @Test
  void aLabelOnlyPredictedHasZeroSupportAndZeroScores() {
    ClassificationReport report = ClassificationReport.of(List.of("a", "a"), List.of("a", "x"));
    Scores x = report.byLabel().get("x");
    assertEquals(0, x.support());
    assertEquals(0.0, x.precision());
    assertEquals(0.25, report.macroAverage().recall(), EPS, "a: 1/2, x: 0");
    assertEquals(0.5, report.weightedAverage().recall(), EPS, "x weighs nothing");
  }

  @Test
  void confusionMatrixRowsAreTruthColumnsPredictions() {
    ConfusionMatrix matrix = ConfusionMatrix.of(TRUTH, PREDICTED);
    assertEquals(List.of("a", "b", "c"), matrix.labels());
    assertArrayEquals(new long[] {2, 1, 0}, matrix.matrix()[0]);
    assertArrayEquals(new long[] {0, 1, 1}, matrix.matrix()[1]);
    assertArrayEquals(new long[] {0, 0, 1}, matrix.matrix()[2]);
    assertEquals(1, matrix.count("a", "b"));
  }

  @Test
  void entitiesScoreByExactSpan() {
    EntityReport report =
        EntityReport.of(
            List.of(
                Set.of(new Span(0, 3, "city"), new Span(4, 8, "date")),
                Set.of(new Span(0, 5, "city"))),
            List.of(
                Set.of(new Span(0, 3, "city"), new Span(4, 7, "date")),
                Set.of(new Span(0, 5, "city"), new Span(6, 9, "name"))));
    assertEquals(1.0, report.byType().get("city").f1(), EPS);
    assertEquals(0.0, report.byType().get("date").f1(), EPS, "one character short is wrong");
    assertEquals(0, report.byType().get("name").support());
    assertEquals(0.5, report.micro().precision(), EPS);
    assertEquals(2.0 / 3, report.micro().recall(), EPS);
    assertEquals(0.571428, report.micro().f1(), EPS);
    assertEquals(
        1.0 / 3,
        ((Map<?, ?>) report.toMap().get("macro avg")).get("f1-score") instanceof Double d ? d : -1,
        EPS);
  }
}
