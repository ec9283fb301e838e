package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifierFactory;
import dev.parley.plugins.testkit.IntentBenchmarks;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints a table per data set and classifier: training time, intent accuracy, macro-F1, parses/s (2
 * threads, in-process) and p50/p99 latency. {@code -Dsplit=valid} (default) evaluates on the valid
 * split (Banking77: the last 1,500 of a fixed shuffle of train, trained on the rest) to choose
 * settings; {@code -Dsplit=test} trains on all of train and reports on test. Not a unit test: run
 * it with {@code mvn -B -q -pl plugins/nlu-dense -am test -Dtest=IntentBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dsplit=test] [-Ddatasets=snips,atis]
 * [-Dclassifiers=sparse,dense,hybrid]}; classifiers use their factories' defaults unless a system
 * property named as a config property overrides it ({@code -Dcost=30}).
 */
class IntentBenchmark {

  @Test
  void run() throws Exception {
    main(new String[0]);
  }

  public static void main(String[] args) throws Exception {
    String split = System.getProperty("split", "valid");
    List<String> sets =
        List.of(System.getProperty("datasets", "snips,atis,banking77,cais_zh").split(","));
    List<String> kinds =
        List.of(System.getProperty("classifiers", "sparse,dense,hybrid").split(","));
    System.out.println(
        "| data set | split | classifier | train s | accuracy % | macro-F1 % | parses/s (2 thr) | p50"
            + " ms | p99 ms |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      NluDatasets.Experiment experiment =
          NluDatasets.experiment(set, split.equals("test") ? "test" : "valid");
      List<NluExample> train = experiment.train();
      List<NluExample> eval = experiment.eval();
      String language = set.endsWith("_zh") ? "zh" : "en";
      for (String kind : kinds) {
        IntentClassifier classifier = IntentBenchmarks.create(factory(kind), language);
        TrainingData data = new TrainingDataBuilder().build();
        data =
            new TrainingData(
                language,
                data.domain(),
                train,
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        long start = System.nanoTime();
        ((dev.parley.plugin.Trainable) classifier).train(data, new MemoryStorage());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        List<String> predicted = new ArrayList<>();
        for (NluExample example : eval) {
          var ranking = classifier.classify(new Message(example.text(), language, null));
          predicted.add(ranking.isEmpty() ? "" : ranking.get(0).name());
        }
        double[] scores = IntentBenchmarks.scores(eval, predicted);
        double[] latency = IntentBenchmarks.latency(classifier, eval, language);
        double throughput =
            IntentBenchmarks.throughput(
                classifier, eval, language, kind.equals("sparse") ? 200_000 : 1_000);
        System.out.printf(
            "| %s | %s | %s | %.1f | %.2f | %.2f | %.0f | %.3f | %.3f |%n",
            set,
            split,
            kind,
            trainSeconds,
            100 * scores[0],
            100 * scores[1],
            throughput,
            latency[0],
            latency[1]);
        ((AutoCloseable) classifier).close();
      }
    }
  }

  private static IntentClassifierFactory factory(String kind) {
    return switch (kind) {
      case "sparse" -> new SparseIntentClassifierFactory();
      case "dense" -> new DenseIntentClassifierFactory();
      case "hybrid" -> new HybridIntentClassifierFactory();
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
