package dev.parley.core.nlu.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Precision, recall and F1 from counts, as scikit-learn computes them with {@code zero_division=0}.
 *
 * @param precision true positives over predicted
 * @param recall true positives over actual
 * @param f1 harmonic mean of the two (0 when both are 0)
 * @param support how many actual instances there were
 */
public record Scores(double precision, double recall, double f1, long support) {

  /** Scores from counts of true positives, predicted and actual instances. */
  public static Scores of(long truePositives, long predicted, long actual) {
    double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
    double recall = actual == 0 ? 0 : (double) truePositives / actual;
    return new Scores(precision, recall, f1(precision, recall), actual);
  }

  /** The harmonic mean of precision and recall (0 when both are 0). */
  public static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** As a report entry: {@code precision}, {@code recall}, {@code f1-score}, {@code support}. */
  public Map<String, Object> toMap() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("precision", precision);
    entry.put("recall", recall);
    entry.put("f1-score", f1);
    entry.put("support", support);
    return entry;
  }
}
