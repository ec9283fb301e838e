package dev.parley.plugins.testkit;

import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The calibration benchmarks of the self-calibrating classifiers: a classifier trained on a data
 * set's train split (at most {@code -Dper_intent} examples of each intent, default all), evaluated
 * on its test split: argmax accuracy, and the expected calibration error (ECE, 15 equal-width bins)
 * of the top confidence before and after calibration.
 */
public final class CalibrationBenchmarks {

  /** The bins of the expected calibration error, as the NLU evaluation has them. */
  public static final int BINS = 15;

  private CalibrationBenchmarks() {}

  /** The table's header. */
  public static String header() {
    return "| set | classifier | train | test | argmax acc % | ECE raw | ECE calibrated | train s |\n"
        + "|---|---|---|---|---|---|---|---|";
  }

  /** At most {@code perIntent} examples of each intent, in order (all when not positive). */
  public static List<NluExample> perIntent(List<NluExample> examples, int perIntent) {
    if (perIntent <= 0) {
      return examples;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<NluExample> kept = new ArrayList<>();
    for (NluExample example : examples) {
      if (counts.merge(example.intent(), 1, Integer::sum) <= perIntent) {
        kept.add(example);
      }
    }
    return kept;
  }

  /**
   * One row: trains {@code classifier} on the set's train split and scores its rankings and {@code
   * raw}'s (the same model's uncalibrated rankings) on the test split.
   */
  public static String row(
      String set,
      String name,
      IntentClassifier classifier,
      Function<Message, List<IntentPrediction>> raw) {
    String language = set.endsWith("_zh") ? "zh" : "en";
    List<NluExample> train =
        perIntent(NluDatasets.read(set, "train"), Integer.getInteger("per_intent", 0));
    List<NluExample> test = NluDatasets.read(set, "test");
    long start = System.nanoTime();
    ((Trainable) classifier).train(NluDatasets.trainingData(language, train), new MemoryStorage());
    double seconds = (System.nanoTime() - start) / 1e9;
    List<double[]> calibrated = new ArrayList<>();
    List<double[]> uncalibrated = new ArrayList<>();
    int right = 0;
    for (NluExample example : test) {
      Message message = new Message(example.text(), language, Map.of());
      double[] served = top(classifier.classify(message), example.intent());
      calibrated.add(served);
      uncalibrated.add(top(raw.apply(message), example.intent()));
      right += served[1] > 0 ? 1 : 0;
    }
    return String.format(
        java.util.Locale.ROOT,
        "| %s | %s | %d | %d | %.2f | %.4f | %.4f | %.1f |",
        set,
        name,
        train.size(),
        test.size(),
        100.0 * right / test.size(),
        ece(uncalibrated),
        ece(calibrated),
        seconds);
  }

  /** The top confidence and whether it is right (1) or not (0); an empty ranking is 0 and wrong. */
  private static double[] top(List<IntentPrediction> ranking, String gold) {
    return ranking.isEmpty()
        ? new double[] {0, 0}
        : new double[] {ranking.get(0).confidence(), ranking.get(0).name().equals(gold) ? 1 : 0};
  }

  /** The expected calibration error of (confidence, right) pairs over {@link #BINS} bins. */
  public static double ece(List<double[]> predictions) {
    double[] confidence = new double[BINS];
    double[] right = new double[BINS];
    int[] count = new int[BINS];
    for (double[] p : predictions) {
      int bin = Math.min(BINS - 1, (int) (p[0] * BINS));
      confidence[bin] += p[0];
      right[bin] += p[1];
      count[bin]++;
    }
    double error = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        error += Math.abs(confidence[b] - right[b]) / predictions.size();
      }
    }
    return error;
  }
}
