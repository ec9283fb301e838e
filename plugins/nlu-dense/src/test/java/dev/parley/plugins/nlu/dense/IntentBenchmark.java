package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifierFactory;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
        IntentClassifier classifier = create(kind, language);
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
        double[] scores = scores(eval, predicted);
        double[] latency = latency(classifier, eval, language);
        double throughput =
            throughput(classifier, eval, language, kind.equals("sparse") ? 200_000 : 1_000);
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

  /**
   * The classifier of a kind made by its factory with the factory's defaults; a system property
   * named as a config property (e.g. {@code -Dcost=30 -Dembedding_weight=2}) overrides one.
   */
  private static IntentClassifier create(String kind, String language) {
    IntentClassifierFactory factory =
        switch (kind) {
          case "sparse" -> new SparseIntentClassifierFactory();
          case "dense" -> new DenseIntentClassifierFactory();
          case "hybrid" -> new HybridIntentClassifierFactory();
          default -> throw new IllegalArgumentException(kind);
        };
    Map<String, Object> overrides = new HashMap<>();
    for (ConfigProperty property : factory.configProperties()) {
      String value = System.getProperty(property.name());
      if (value != null) {
        Object fallback = property.defaultValue();
        Object parsed = value;
        if (fallback instanceof Long || fallback instanceof Integer) {
          parsed = Long.parseLong(value);
        } else if (fallback instanceof Double) {
          parsed = Double.parseDouble(value);
        } else if (fallback instanceof Boolean) {
          parsed = Boolean.parseBoolean(value);
        }
        overrides.put(property.name(), parsed);
      }
    }
    var domain = new TrainingDataBuilder().build().domain();
    TestContext defaults = TestContext.of(factory.configProperties(), overrides, domain);
    return factory.create(new TestContext(defaults.config(), language, domain, "bench/bot"));
  }

  /** Accuracy and macro-F1 over the union of gold and predicted intents. */
  static double[] scores(List<NluExample> eval, List<String> predicted) {
    Set<String> labels = new HashSet<>(predicted);
    Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
    int correct = 0;
    for (int i = 0; i < eval.size(); i++) {
      String gold = eval.get(i).intent();
      String guess = predicted.get(i);
      labels.add(gold);
      if (gold.equals(guess)) {
        correct++;
        counts.computeIfAbsent(gold, l -> new int[3])[0]++;
      } else {
        counts.computeIfAbsent(guess, l -> new int[3])[1]++;
        counts.computeIfAbsent(gold, l -> new int[3])[2]++;
      }
    }
    labels.remove("");
    double f1 = 0;
    for (String label : labels) {
      int[] c = counts.getOrDefault(label, new int[3]);
      double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
      f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    return new double[] {correct / (double) eval.size(), f1 / labels.size()};
  }

  private static double[] latency(IntentClassifier classifier, List<NluExample> eval, String lang) {
    int n = Math.min(eval.size(), 500);
    for (int i = 0; i < n; i++) {
      classifier.classify(new Message(eval.get(i).text(), lang, null));
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      classifier.classify(new Message(eval.get(i).text(), lang, null));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new double[] {nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6};
  }

  private static double throughput(
      IntentClassifier classifier, List<NluExample> eval, String lang, int total)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    Runnable work =
        () -> {
          long i;
          while ((i = next.getAndIncrement()) < total) {
            classifier.classify(new Message(eval.get((int) (i % eval.size())).text(), lang, null));
          }
        };
    long start = System.nanoTime();
    Thread a = new Thread(work);
    Thread b = new Thread(work);
    a.start();
    b.start();
    a.join();
    b.join();
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
