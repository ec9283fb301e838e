package dev.parley.plugins.nlu.support;

import dev.parley.plugin.nlu.IntentPrediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A monotone map from a classifier's raw top confidence to the chance that its top intent is right,
 * fitted by isotonic regression (pool adjacent violators) on held-out examples. Between the fitted
 * blocks the map is linear; each block's rate is shrunk a little towards one half ((right + 0.5) /
 * (count + 1)), so a small block never promises 0 or 1. {@link #identity()} leaves confidences as
 * they are (models stored before calibration).
 */
public final class IsotonicCalibration {

  private final double[] raw;
  private final double[] calibrated;

  private IsotonicCalibration(double[] raw, double[] calibrated) {
    this.raw = raw;
    this.calibrated = calibrated;
  }

  /** The map that changes nothing. */
  public static IsotonicCalibration identity() {
    return new IsotonicCalibration(new double[0], new double[0]);
  }

  /**
   * Fits the map on held-out outcomes.
   *
   * @param confidences the raw top confidences
   * @param right whether each top intent was right (same order)
   */
  public static IsotonicCalibration fit(double[] confidences, boolean[] right) {
    int n = confidences.length;
    if (n == 0) {
      return identity();
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(confidences[a], confidences[b]));
    // blocks of pooled examples: sum of confidences, of right answers, and their count
    double[] sumX = new double[n];
    double[] sumY = new double[n];
    int[] count = new int[n];
    int blocks = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      sumX[blocks] = confidences[i];
      sumY[blocks] = right[i] ? 1 : 0;
      count[blocks] = 1;
      blocks++;
      while (blocks > 1
          && sumY[blocks - 2] / count[blocks - 2] >= sumY[blocks - 1] / count[blocks - 1]) {
        sumX[blocks - 2] += sumX[blocks - 1];
        sumY[blocks - 2] += sumY[blocks - 1];
        count[blocks - 2] += count[blocks - 1];
        blocks--;
      }
    }
    double[] raw = new double[blocks];
    double[] calibrated = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      raw[b] = sumX[b] / count[b];
      calibrated[b] = (sumY[b] + 0.5) / (count[b] + 1);
    }
    for (int b = 1; b < blocks; b++) {
      calibrated[b] = Math.max(calibrated[b], calibrated[b - 1]); // shrinking may break the order
    }
    return new IsotonicCalibration(raw, calibrated);
  }

  /** The calibrated confidence of a raw one. */
  public double apply(double confidence) {
    if (raw.length == 0) {
      return confidence;
    }
    if (confidence <= raw[0]) {
      return calibrated[0];
    }
    int last = raw.length - 1;
    if (confidence >= raw[last]) {
      return calibrated[last];
    }
    int upper = Arrays.binarySearch(raw, confidence);
    if (upper >= 0) {
      return calibrated[upper];
    }
    upper = -upper - 1;
    int lower = upper - 1;
    double t = (confidence - raw[lower]) / (raw[upper] - raw[lower]);
    return calibrated[lower] + t * (calibrated[upper] - calibrated[lower]);
  }

  /**
   * The ranking with its top confidence calibrated and every other one scaled by the same factor,
   * so the order stays and none passes the top.
   */
  public List<IntentPrediction> apply(List<IntentPrediction> ranking) {
    if (raw.length == 0 || ranking.isEmpty()) {
      return ranking;
    }
    double top = ranking.get(0).confidence();
    double calibratedTop = apply(top);
    double factor = top > 0 ? calibratedTop / top : 0;
    List<IntentPrediction> out = new ArrayList<>(ranking.size());
    out.add(new IntentPrediction(ranking.get(0).name(), calibratedTop));
    for (int i = 1; i < ranking.size(); i++) {
      IntentPrediction p = ranking.get(i);
      out.add(new IntentPrediction(p.name(), Math.min(calibratedTop, p.confidence() * factor)));
    }
    return out;
  }

  /** The map as text ({@code raw:calibrated} pairs separated by spaces), for the model storage. */
  public String encode() {
    StringBuilder text = new StringBuilder();
    for (int b = 0; b < raw.length; b++) {
      if (b > 0) {
        text.append(' ');
      }
      text.append(String.format(Locale.ROOT, "%.17g:%.17g", raw[b], calibrated[b]));
    }
    return text.toString();
  }

  /** Reads a map written by {@link #encode()}. */
  public static IsotonicCalibration decode(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return identity();
    }
    String[] pairs = trimmed.split(" ");
    double[] raw = new double[pairs.length];
    double[] calibrated = new double[pairs.length];
    for (int b = 0; b < pairs.length; b++) {
      String[] pair = pairs[b].split(":");
      raw[b] = Double.parseDouble(pair[0]);
      calibrated[b] = Double.parseDouble(pair[1]);
    }
    return new IsotonicCalibration(raw, calibrated);
  }
}
