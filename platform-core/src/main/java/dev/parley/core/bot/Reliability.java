package dev.parley.core.bot;

import dev.parley.plugin.nlu.HeldOutPrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * A reliability diagram of top-intent confidences: the predictions in {@link #BINS} equal-width
 * confidence bins, each with its mean confidence and its accuracy, and the expected calibration
 * error (ECE): the mean gap between confidence and accuracy over the bins, weighted by how many
 * predictions fall in each. Well-calibrated confidences have an ECE near 0.
 *
 * @param bins the non-empty bins, lowest confidence first
 * @param ece the expected calibration error (0 for no predictions)
 * @param count how many predictions
 */
public record Reliability(List<Bin> bins, double ece, int count) {

  /** How many equal-width bins (as usual for ECE). */
  public static final int BINS = 15;

  /** Copies the bins. */
  public Reliability {
    bins = List.copyOf(bins);
  }

  /**
   * One confidence bin.
   *
   * @param lower the lowest confidence of the bin
   * @param upper the highest (exclusive, except for the last bin)
   * @param count how many predictions fall in it
   * @param confidence their mean confidence
   * @param accuracy the share of them that were right
   */
  public record Bin(double lower, double upper, int count, double confidence, double accuracy) {}

  /** The diagram of the given predictions. */
  public static Reliability of(List<HeldOutPrediction> predictions) {
    int[] counts = new int[BINS];
    double[] confidence = new double[BINS];
    int[] right = new int[BINS];
    for (HeldOutPrediction p : predictions) {
      double c = Math.max(0, Math.min(1, p.confidence()));
      int bin = Math.min(BINS - 1, (int) (c * BINS));
      counts[bin]++;
      confidence[bin] += c;
      right[bin] += p.correct() ? 1 : 0;
    }
    List<Bin> bins = new ArrayList<>();
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      if (counts[b] == 0) {
        continue;
      }
      double meanConfidence = confidence[b] / counts[b];
      double accuracy = (double) right[b] / counts[b];
      bins.add(
          new Bin((double) b / BINS, (double) (b + 1) / BINS, counts[b], meanConfidence, accuracy));
      ece += Math.abs(meanConfidence - accuracy) * counts[b] / predictions.size();
    }
    return new Reliability(bins, ece, predictions.size());
  }
}
