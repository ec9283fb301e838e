package dev.parley.core.nlu.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * scikit-learn's {@code classification_report}: per label (sorted; every label seen in the truth or
 * the predictions) precision, recall, F1 and support, then {@code accuracy}, {@code macro avg} (the
 * plain mean over labels) and {@code weighted avg} (weighted by support).
 */
public final class ClassificationReport {

  private final Map<String, Scores> byLabel = new LinkedHashMap<>();
  private final double accuracy;
  private final Scores macro;
  private final Scores weighted;

  private ClassificationReport(List<String> truth, List<String> predicted) {
    if (truth.size() != predicted.size()) {
      throw new IllegalArgumentException("truth and predictions differ in length");
    }
    TreeSet<String> labels = new TreeSet<>(truth);
    labels.addAll(predicted);
    long correct = 0;
    for (int i = 0; i < truth.size(); i++) {
      if (truth.get(i).equals(predicted.get(i))) {
        correct++;
      }
    }
    accuracy = truth.isEmpty() ? 0 : (double) correct / truth.size();
    for (String label : labels) {
      long tp = 0;
      long predictedCount = 0;
      long actual = 0;
      for (int i = 0; i < truth.size(); i++) {
        boolean isActual = truth.get(i).equals(label);
        boolean isPredicted = predicted.get(i).equals(label);
        actual += isActual ? 1 : 0;
        predictedCount += isPredicted ? 1 : 0;
        tp += isActual && isPredicted ? 1 : 0;
      }
      byLabel.put(label, Scores.of(tp, predictedCount, actual));
    }
    macro = average(new ArrayList<>(byLabel.values()), false);
    weighted = average(new ArrayList<>(byLabel.values()), true);
  }

  /** The report of these predictions against the truth (same order). */
  public static ClassificationReport of(List<String> truth, List<String> predicted) {
    return new ClassificationReport(truth, predicted);
  }

  /** Macro or support-weighted average of per-label scores. */
  static Scores average(List<Scores> scores, boolean weightedBySupport) {
    long support = scores.stream().mapToLong(Scores::support).sum();
    double p = 0;
    double r = 0;
    double f = 0;
    double total = weightedBySupport ? support : scores.size();
    if (total == 0) {
      return new Scores(0, 0, 0, support);
    }
    for (Scores s : scores) {
      double w = weightedBySupport ? s.support() : 1;
      p += w * s.precision();
      r += w * s.recall();
      f += w * s.f1();
    }
    return new Scores(p / total, r / total, f / total, support);
  }

  /** Share of correct predictions. */
  public double accuracy() {
    return accuracy;
  }

  /** Per-label scores, labels sorted. */
  public Map<String, Scores> byLabel() {
    return byLabel;
  }

  /** The unweighted mean over labels. */
  public Scores macroAverage() {
    return macro;
  }

  /** The mean over labels weighted by support. */
  public Scores weightedAverage() {
    return weighted;
  }

  /** The report as scikit-learn's {@code output_dict=True} gives it. */
  public Map<String, Object> toMap() {
    Map<String, Object> report = new LinkedHashMap<>();
    byLabel.forEach((label, scores) -> report.put(label, scores.toMap()));
    report.put("accuracy", accuracy);
    report.put("macro avg", macro.toMap());
    report.put("weighted avg", weighted.toMap());
    return report;
  }
}
