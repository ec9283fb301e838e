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
 * [-Dclassifiers=sparse,dense,hybrid,cascade]}; classifiers use their factories' defaults unless a
 * system property named as a config property overrides it ({@code -Dcost=30}).
 *
 * <p>The cascade also gets a table of its own, from its two inner models (the same sparse and
 * hybrid models the standalone classifiers train): its threshold, the share of parses that reach
 * the encoder, the accuracy of sparse, hybrid and cascade, the share of answers below the default
 * fallback threshold 0.7, and the single-thread µs per parse of each, the median of {@code
 * -Drounds} (default 5) passes over the evaluated split.
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
    List<String> cascadeRows = new ArrayList<>();
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
        if (classifier instanceof CascadeIntentClassifier cascade) {
          cascadeRows.add(cascadeRow(set, split, cascade, eval, language));
        }
        ((AutoCloseable) classifier).close();
      }
    }
    if (!cascadeRows.isEmpty()) {
      System.out.println();
      System.out.println(
          "| data set | split | threshold | to encoder % | sparse acc % | hybrid acc % | cascade acc"
              + " % | cascade − hybrid | below 0.7: hybrid / cascade % | µs/parse sparse | hybrid |"
              + " cascade |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
      cascadeRows.forEach(System.out::println);
    }
  }

  private static String cascadeRow(
      String set,
      String split,
      CascadeIntentClassifier cascade,
      List<NluExample> eval,
      String language) {
    int rounds = Integer.getInteger("rounds", 5);
    long toEncoder =
        eval.stream()
            .filter(e -> cascade.reachesEncoder(new Message(e.text(), language, null)))
            .count();
    double sparse = accuracy(cascade.sparse(), eval, language);
    double hybrid = accuracy(cascade.hybrid(), eval, language);
    double both = accuracy(cascade, eval, language);
    return String.format(
        "| %s | %s | %.3f | %.1f | %.2f | %.2f | %.2f | %+.2f | %.1f / %.1f | %.0f | %.0f | %.0f |",
        set,
        split,
        cascade.threshold(),
        100.0 * toEncoder / eval.size(),
        sparse,
        hybrid,
        both,
        both - hybrid,
        belowFallback(cascade.hybrid(), eval, language),
        belowFallback(cascade, eval, language),
        IntentBenchmarks.microsPerParse(cascade.sparse(), eval, language, rounds),
        IntentBenchmarks.microsPerParse(cascade.hybrid(), eval, language, rounds),
        IntentBenchmarks.microsPerParse(cascade, eval, language, rounds));
  }

  private static double accuracy(
      IntentClassifier classifier, List<NluExample> eval, String language) {
    return 100
        * IntentBenchmarks.scores(eval, IntentBenchmarks.predictions(classifier, eval, language))[
            0];
  }

  /** The share of parses whose top confidence is below the default fallback threshold (0.7). */
  private static double belowFallback(
      IntentClassifier classifier, List<NluExample> eval, String language) {
    long below =
        eval.stream()
            .map(e -> classifier.classify(new Message(e.text(), language, null)))
            .filter(ranking -> ranking.isEmpty() || ranking.get(0).confidence() < 0.7)
            .count();
    return 100.0 * below / eval.size();
  }

  private static IntentClassifierFactory factory(String kind) {
    return switch (kind) {
      case "sparse" -> new SparseIntentClassifierFactory();
      case "dense" -> new DenseIntentClassifierFactory();
      case "hybrid" -> new HybridIntentClassifierFactory();
      case "cascade" -> new CascadeIntentClassifierFactory();
      default -> throw new IllegalArgumentException(kind);
    };
  }
}
