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
import dev.parley.plugins.testkit.NoiseGenerator;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prints a table per data set and classifier: training time, intent accuracy, macro-F1, parses/s (2
 * threads, in-process) and p50/p99 latency. {@code -Dsplit=valid} (default) evaluates on the valid
 * split (Banking77: the last 1,500 of a fixed shuffle of train, trained on the rest) to choose
 * settings; {@code -Dsplit=test} trains on all of train and reports on test. Not a unit test: run
 * it with {@code mvn -B -q -pl plugins/nlu-dense -am test -Dtest=IntentBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dsplit=test] [-Ddatasets=snips,atis]
 * [-Dclassifiers=sparse,dense,hybrid,cascade] [-Dnoise=madeup|filler|typos] [-Daugment=madeup]};
 * {@code -Dnoise} evaluates noisy variants of the split ({@link #noisy}), {@code -Daugment} adds
 * noisy copies to the training examples ({@link #augmented}); classifiers use their factories'
 * defaults unless a system property named as a config property overrides it ({@code -Dcost=30}).
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
      String language = set.endsWith("_zh") ? "zh" : "en";
      List<NluExample> train = augmented(experiment.train(), System.getProperty("augment", ""));
      List<NluExample> eval =
          noisy(experiment.eval(), System.getProperty("noise", "none"), language);
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

  /**
   * The evaluated examples as typed with noise ({@code -Dnoise}): {@code none}; {@code madeup}, a
   * made-up five-letter word appended (an unknown word, as the load tool's {@code --unique} adds);
   * {@code filler}, one of the load tool's filler words and a made-up word; {@code typos}, the test
   * kit's {@link NoiseGenerator} (typos, fillers, clipped forms).
   */
  static List<NluExample> noisy(List<NluExample> eval, String noise, String language) {
    if (noise.equals("none")) {
      return eval;
    }
    NoiseGenerator generator = new NoiseGenerator(42);
    Random random = new Random(42);
    List<String> fillers =
        List.of("please", "ok", "so", "well", "now", "then", "thanks", "right", "yes", "hmm");
    return eval.stream()
        .map(
            e ->
                new NluExample(
                    switch (noise) {
                      case "madeup" -> e.text() + " " + madeUp(random);
                      case "filler" ->
                          e.text()
                              + " "
                              + fillers.get(random.nextInt(fillers.size()))
                              + " "
                              + madeUp(random);
                      case "typos" -> generator.noisy(e.text(), language);
                      default -> throw new IllegalArgumentException("noise " + noise);
                    },
                    e.intent(),
                    e.entities()))
        .toList();
  }

  /**
   * The training examples, and with {@code -Daugment=madeup} a copy of each with a made-up word
   * appended (an experiment: does the n-gram model then stay confident on unknown words?).
   */
  static List<NluExample> augmented(List<NluExample> train, String augment) {
    if (augment.isEmpty()) {
      return train;
    }
    if (!augment.equals("madeup")) {
      throw new IllegalArgumentException("augment " + augment);
    }
    Random random = new Random(7);
    List<NluExample> out = new ArrayList<>(train);
    train.forEach(
        e -> out.add(new NluExample(e.text() + " " + madeUp(random), e.intent(), e.entities())));
    return out;
  }

  private static String madeUp(Random random) {
    char[] word = new char[5];
    for (int i = 0; i < word.length; i++) {
      word[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(word);
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
