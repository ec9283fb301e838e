package dev.parley.plugins.nlu.finetune;

import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.dense.HybridIntentClassifierFactory;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifierFactory;
import dev.parley.plugins.testkit.IntentBenchmarks;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints a table per data set: fine-tuning time (wall and process CPU), stored size, intent
 * accuracy, macro-F1, and p50/p99 parse latency on one thread. {@code -Dsplit=valid} (default)
 * evaluates on the valid split (Banking77: a held-out slice of train) to choose settings; {@code
 * -Dsplit=test} trains on all of train and reports on test. Not a unit test: run it with {@code mvn
 * -B -q -pl plugins/nlu-finetune -am test -Dtest=FineTuneBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dsplit=test] [-Ddatasets=snips,atis] [-Depochs=3]} (any
 * config property of the classifier can be set the same way). The classifier mixes in its n-gram
 * classifier by default ({@code ngram_weight} 0.25); {@code -Dngram_weight=0} measures the encoder
 * alone, and is the base to compare other weights against with {@code -Densemble}.
 */
class FineTuneBenchmark {

  @Test
  void run() throws Exception {
    String split = System.getProperty("split", "valid");
    List<String> sets =
        List.of(System.getProperty("datasets", "snips,atis,banking77,cais_zh").split(","));
    System.out.println(
        "| data set | split | train s (wall) | train CPU s | stored MB | accuracy % | macro-F1 % |"
            + " p50 ms | p99 ms |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      NluDatasets.Experiment experiment =
          NluDatasets.experiment(set, split.equals("test") ? "test" : "valid");
      String language = set.endsWith("_zh") ? "zh" : "en";
      IntentClassifier classifier =
          IntentBenchmarks.create(
              new FineTunedIntentClassifierFactory(),
              language,
              Boolean.getBoolean("compare_int8") ? Map.of("int8", false) : Map.of());
      TrainingData data = NluDatasets.trainingData(language, experiment.train());
      MemoryStorage storage = new MemoryStorage();
      long cpu = IntentBenchmarks.processCpuNanos();
      long start = System.nanoTime();
      ((Trainable) classifier).train(data, storage);
      double wall = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (IntentBenchmarks.processCpuNanos() - cpu) / 1e9;
      List<String> predicted = new ArrayList<>();
      List<List<IntentPrediction>> rankings = new ArrayList<>();
      for (NluExample example : experiment.eval()) {
        List<IntentPrediction> ranking =
            classifier.classify(new Message(example.text(), language, null));
        rankings.add(ranking);
        predicted.add(ranking.get(0).name());
      }
      double[] scores = IntentBenchmarks.scores(experiment.eval(), predicted);
      printEnsembles(set, data, experiment.eval(), rankings, language);
      double[] latency = IntentBenchmarks.latency(classifier, experiment.eval(), language);
      double storedMegabytes = storage.bytes() / 1e6;
      System.out.printf(
          "| %s | %s | %.0f | %.0f | %.1f | %.2f | %.2f | %.2f | %.2f |%n",
          set,
          split,
          wall,
          cpuSeconds,
          storedMegabytes,
          100 * scores[0],
          100 * scores[1],
          latency[0],
          latency[1]);
      ((AutoCloseable) classifier).close();
      if (Boolean.getBoolean("compare_int8")) {
        printInt8(set, split, experiment.eval(), storage, language);
      }
    }
  }

  /**
   * With {@code -Dcompare_int8=true}: the same trained version served with its projections in 8
   * bits ({@code int8: true}, the default), its accuracy, macro-F1 and latency; the main row is
   * then served in floats.
   */
  private static void printInt8(
      String set, String split, List<NluExample> eval, MemoryStorage storage, String language)
      throws Exception {
    IntentClassifier int8 =
        IntentBenchmarks.create(
            new FineTunedIntentClassifierFactory(), language, Map.of("int8", true));
    ((Trainable) int8).load(storage);
    List<String> predicted = new ArrayList<>();
    for (NluExample example : eval) {
      predicted.add(int8.classify(new Message(example.text(), language, null)).get(0).name());
    }
    double[] scores = IntentBenchmarks.scores(eval, predicted);
    double[] latency = IntentBenchmarks.latency(int8, eval, language);
    System.out.printf(
        "| %s | %s, int8 | — | — | — | %.2f | %.2f | %.2f | %.2f |%n",
        set, split, 100 * scores[0], 100 * scores[1], latency[0], latency[1]);
    ((AutoCloseable) int8).close();
  }

  /**
   * With {@code -Densemble=0.25,0.5}: the accuracy and macro-F1 of w · the partner's probabilities
   * + (1 - w) · the fine-tuned one's, for each w. The partner is the n-gram classifier, or with
   * {@code -Dpartner=hybrid} the default hybrid (n-grams and a frozen sentence embedding).
   */
  private static void printEnsembles(
      String set,
      TrainingData data,
      List<NluExample> eval,
      List<List<IntentPrediction>> fineTuned,
      String language) {
    String weights = System.getProperty("ensemble", "");
    if (weights.isBlank()) {
      return;
    }
    IntentClassifier partner =
        "hybrid".equals(System.getProperty("partner"))
            ? IntentBenchmarks.create(new HybridIntentClassifierFactory(), language)
            : IntentBenchmarks.create(new SparseIntentClassifierFactory(), language);
    ((Trainable) partner).train(data, new MemoryStorage());
    List<Map<String, Double>> partnerProbabilities = new ArrayList<>();
    for (NluExample example : eval) {
      partnerProbabilities.add(
          probabilities(partner.classify(new Message(example.text(), language, null))));
    }
    for (String weight : weights.split(",")) {
      double w = Double.parseDouble(weight);
      List<String> predicted = new ArrayList<>();
      for (int i = 0; i < eval.size(); i++) {
        Map<String, Double> combined = new HashMap<>();
        probabilities(fineTuned.get(i))
            .forEach((k, v) -> combined.merge(k, (1 - w) * v, Double::sum));
        partnerProbabilities.get(i).forEach((k, v) -> combined.merge(k, w * v, Double::sum));
        predicted.add(
            combined.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
      }
      double[] scores = IntentBenchmarks.scores(eval, predicted);
      System.out.printf(
          "| %s | ensemble w=%s | accuracy %.2f | macro-F1 %.2f |%n",
          set, weight, 100 * scores[0], 100 * scores[1]);
    }
  }

  private static Map<String, Double> probabilities(List<IntentPrediction> ranking) {
    Map<String, Double> byName = new HashMap<>();
    ranking.forEach(p -> byName.put(p.name(), p.confidence()));
    return byName;
  }
}
