package dev.parley.plugins.nlu.support;

import dev.parley.plugin.nlu.IntentPrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * Temperature scaling of a classifier's probabilities: each probability raised to {@code 1/T} and
 * the ranking normalised again (the logits divided by {@code T}). The order of the intents does not
 * change; {@code T > 1} makes an over-confident model less sure, {@code T < 1} an under-confident
 * one more. {@code T} is fitted on held-out rankings by minimising the negative log-likelihood of
 * the gold intent (one parameter, so a few hundred held-out examples fit it well).
 */
public final class TemperatureScaling {

  /** No scaling. */
  public static final TemperatureScaling IDENTITY = new TemperatureScaling(1);

  private static final double SMALLEST = 1e-12;
  private static final double LOWEST_INVERSE = 0.02;
  private static final double HIGHEST_INVERSE = 50;

  private final double temperature;

  /** Scaling with the given temperature (positive). */
  public TemperatureScaling(double temperature) {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("the temperature must be positive: " + temperature);
    }
    this.temperature = temperature;
  }

  /**
   * One held-out example's ranking.
   *
   * @param ranking the classifier's ranking (probabilities)
   * @param gold the example's intent
   */
  public record Sample(List<IntentPrediction> ranking, String gold) {}

  /**
   * The temperature minimising the negative log-likelihood of the gold intents (between 0.02 and
   * 50); {@link #IDENTITY} when no sample ranks its gold intent.
   */
  public static TemperatureScaling fit(List<Sample> samples) {
    List<double[]> logs = new ArrayList<>();
    List<Integer> golds = new ArrayList<>();
    for (Sample sample : samples) {
      int gold = -1;
      double[] log = new double[sample.ranking().size()];
      for (int i = 0; i < log.length; i++) {
        IntentPrediction p = sample.ranking().get(i);
        log[i] = Math.log(Math.max(SMALLEST, p.confidence()));
        gold = p.name().equals(sample.gold()) ? i : gold;
      }
      if (gold >= 0) {
        logs.add(log);
        golds.add(gold);
      }
    }
    if (logs.isEmpty()) {
      return IDENTITY;
    }
    // the loss is convex in the inverse temperature: golden-section search on its logarithm
    double low = Math.log(LOWEST_INVERSE);
    double high = Math.log(HIGHEST_INVERSE);
    double ratio = (Math.sqrt(5) - 1) / 2;
    for (int step = 0; step < 60; step++) {
      double a = high - ratio * (high - low);
      double b = low + ratio * (high - low);
      if (loss(logs, golds, Math.exp(a)) <= loss(logs, golds, Math.exp(b))) {
        high = b;
      } else {
        low = a;
      }
    }
    return new TemperatureScaling(1 / Math.exp((low + high) / 2));
  }

  private static double loss(List<double[]> logs, List<Integer> golds, double inverse) {
    double total = 0;
    for (int s = 0; s < logs.size(); s++) {
      double[] log = logs.get(s);
      double max = Double.NEGATIVE_INFINITY;
      for (double l : log) {
        max = Math.max(max, l * inverse);
      }
      double sum = 0;
      for (double l : log) {
        sum += Math.exp(l * inverse - max);
      }
      total += max + Math.log(sum) - log[golds.get(s)] * inverse;
    }
    return total / logs.size();
  }

  /** The temperature. */
  public double temperature() {
    return temperature;
  }

  /** The ranking with scaled confidences, in the same order. */
  public List<IntentPrediction> apply(List<IntentPrediction> ranking) {
    if (temperature == 1 || ranking.isEmpty()) {
      return ranking;
    }
    double inverse = 1 / temperature;
    double max = Double.NEGATIVE_INFINITY;
    double[] scaled = new double[ranking.size()];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = Math.log(Math.max(SMALLEST, ranking.get(i).confidence())) * inverse;
      max = Math.max(max, scaled[i]);
    }
    double sum = 0;
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = Math.exp(scaled[i] - max);
      sum += scaled[i];
    }
    List<IntentPrediction> out = new ArrayList<>(scaled.length);
    for (int i = 0; i < scaled.length; i++) {
      out.add(new IntentPrediction(ranking.get(i).name(), scaled[i] / sum));
    }
    return out;
  }
}
