package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.HeldOutPrediction;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.OutOfScope;
import dev.parley.plugins.testkit.IntentBenchmarks;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints the cascade's out-of-scope figures on {@code banking77_oos} (train on its train split,
 * evaluate its test split, whose {@code oos} lines are out of scope), as a served bot would see
 * them at {@code fallback_threshold: auto} (target precision 0.95, chosen from the cascade's
 * held-out predictions as the server does): in-scope accuracy with and without the detector,
 * out-of-scope recall from the threshold alone and with the detector, and the share of in-scope
 * test requests the detector flags. Not a unit test: run it with {@code mvn -B -q -pl
 * plugins/nlu-dense -am test -Dtest=OutOfScopeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * [-Dparley.datasets=DIR] [-Doos_max_flagged=0.05] [-Dtest_split=test]}. A smaller copy of the set
 * in a folder of the same layout (e.g. 25 training examples per intent) gives quicker figures.
 */
class OutOfScopeBenchmark {

  static final String SET = "banking77_oos";
  static final String OOS_LABEL = "oos";

  @Test
  void run() throws Exception {
    List<NluExample> train = NluDatasets.read(SET, "train");
    List<NluExample> test = NluDatasets.read(SET, System.getProperty("test_split", "test"));
    long start = System.nanoTime();
    try (CascadeIntentClassifier cascade =
        (CascadeIntentClassifier)
            IntentBenchmarks.create(new CascadeIntentClassifierFactory(), "en")) {
      cascade.train(NluDatasets.trainingData("en", train), new MemoryStorage());
      double trainSeconds = (System.nanoTime() - start) / 1e9;
      double threshold = autoThreshold(cascade.heldOut(), 0.95);
      int inScope = 0;
      int oos = 0;
      int rightServed = 0;
      int rightWithout = 0;
      int flaggedInScope = 0;
      int caught = 0;
      int caughtByThreshold = 0;
      long parseNanos = 0;
      for (NluExample example : test) {
        long t = System.nanoTime();
        List<IntentPrediction> ranking =
            cascade.classify(new Message(example.text(), "en", Map.of()));
        parseNanos += System.nanoTime() - t;
        boolean flagged = ranking.get(0).name().equals(OutOfScope.INTENT);
        IntentPrediction top = flagged ? ranking.get(1) : ranking.get(0);
        boolean answered = top.confidence() >= threshold;
        if (example.intent().equals(OOS_LABEL)) {
          oos++;
          caught += flagged || !answered ? 1 : 0;
          caughtByThreshold += !answered ? 1 : 0;
          continue;
        }
        inScope++;
        boolean right = answered && top.name().equals(example.intent());
        rightWithout += right ? 1 : 0;
        rightServed += right && !flagged ? 1 : 0;
        flaggedInScope += flagged ? 1 : 0;
      }
      System.out.println(
          "| train | test (oos) | auto threshold | in-scope acc without detector % | with detector %"
              + " | OOS recall, threshold alone % | with detector % | in-scope flagged % | train s"
              + " | ms/parse |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      System.out.printf(
          "| %d | %d (%d) | %.3f | %.2f | %.2f | %.1f | %.1f | %.1f | %.0f | %.1f |%n",
          train.size(),
          test.size(),
          oos,
          threshold,
          100.0 * rightWithout / inScope,
          100.0 * rightServed / inScope,
          100.0 * caughtByThreshold / oos,
          100.0 * caught / oos,
          100.0 * flaggedInScope / inScope,
          trainSeconds,
          parseNanos / 1e6 / test.size());
    }
  }

  /** As the server's {@code fallback_threshold: auto}: the lowest threshold keeping the target. */
  static double autoThreshold(List<HeldOutPrediction> heldOut, double target) {
    List<HeldOutPrediction> sorted =
        heldOut.stream()
            .sorted(Comparator.comparingDouble(HeldOutPrediction::confidence).reversed())
            .toList();
    double chosen = 0.7;
    int right = 0;
    for (int i = 0; i < sorted.size(); i++) {
      right += sorted.get(i).correct() ? 1 : 0;
      boolean last =
          i + 1 == sorted.size() || sorted.get(i + 1).confidence() < sorted.get(i).confidence();
      if (last && (double) right / (i + 1) >= target) {
        chosen = sorted.get(i).confidence();
      }
    }
    return chosen;
  }
}
