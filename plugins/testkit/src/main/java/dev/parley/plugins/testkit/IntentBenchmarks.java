package dev.parley.plugins.testkit;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.Message;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** What the intent benchmarks share: classifiers from system properties, scores and timings. */
public final class IntentBenchmarks {

  private IntentBenchmarks() {}

  /**
   * The classifier a factory makes with its defaults; a system property named as a config property
   * (e.g. {@code -Dcost=30 -Dembedding_weight=2}) overrides one.
   */
  public static <T> T create(PluginFactory<T> factory, String language) {
    return create(factory, language, Map.of());
  }

  /** As {@link #create(PluginFactory, String)}, with {@code settings} over the properties. */
  public static <T> T create(
      PluginFactory<T> factory, String language, Map<String, Object> settings) {
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
    overrides.putAll(settings);
    var domain = new TrainingDataBuilder().build().domain();
    TestContext defaults = TestContext.of(factory.configProperties(), overrides, domain);
    return factory.create(new TestContext(defaults.config(), language, domain, "bench/bot"));
  }

  /** The CPU time of the whole process so far, in nanoseconds. */
  public static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Accuracy and macro-F1 over the union of gold and predicted intents. */
  public static double[] scores(List<NluExample> eval, List<String> predicted) {
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

  /**
   * p50 and p99 latency in ms of one thread classifying up to 500 texts (after as many to warm up).
   */
  public static double[] latency(IntentClassifier classifier, List<NluExample> eval, String lang) {
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

  /**
   * The cost of a parse on one thread in µs: the median over {@code rounds} passes over {@code
   * eval} of each pass's mean (after one pass of up to 500 texts to warm up). A shared, noisy
   * machine makes single passes unreliable; the median of several is not.
   */
  public static double microsPerParse(
      IntentClassifier classifier, List<NluExample> eval, String lang, int rounds) {
    int warm = Math.min(eval.size(), 500);
    for (int i = 0; i < warm; i++) {
      classifier.classify(new Message(eval.get(i).text(), lang, null));
    }
    double[] means = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (NluExample example : eval) {
        classifier.classify(new Message(example.text(), lang, null));
      }
      means[r] = (System.nanoTime() - start) / 1e3 / eval.size();
    }
    Arrays.sort(means);
    return rounds % 2 == 1 ? means[rounds / 2] : (means[rounds / 2 - 1] + means[rounds / 2]) / 2;
  }

  /** The top intent of each text ("" where the ranking is empty). */
  public static List<String> predictions(
      IntentClassifier classifier, List<NluExample> eval, String lang) {
    return eval.stream()
        .map(example -> classifier.classify(new Message(example.text(), lang, null)))
        .map(ranking -> ranking.isEmpty() ? "" : ranking.get(0).name())
        .toList();
  }

  /** Texts classified per second by two threads, {@code total} in all. */
  public static double throughput(
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
