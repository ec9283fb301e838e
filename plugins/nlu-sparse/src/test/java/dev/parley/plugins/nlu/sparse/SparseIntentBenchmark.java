package dev.parley.plugins.nlu.sparse;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.IntentBenchmarks;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints one table row per data set for the {@link SparseIntentClassifier}: training time (wall and
 * process CPU, i.e. all threads and GC), the stored model's size, intent accuracy, parses/s of
 * {@code classify} with 2 threads in-process (and per second of those threads' CPU time, which a
 * busy machine disturbs less), and single-thread p50/p99 latency. {@code -Dsplit=valid} (default)
 * trains on train and evaluates on valid (Banking77: the last 1,500 of a fixed shuffle of train,
 * trained on the rest, as the dense plugin's benchmark does); {@code -Dsplit=test} trains on all of
 * train and evaluates on test; {@code -Dsplit=full} trains on all of train and evaluates on valid
 * where there is one (the training-time target is on the full train split). Not a unit test: run it
 * with {@code mvn -B -q -pl plugins/nlu-sparse -am test -Dtest=SparseIntentBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true [-Dsplit=valid|full|test]
 * [-Ddatasets=snips,atis,banking77,cais_zh] [-Dparses=200000]}; without {@code -Dbenchmark=true} it
 * does nothing.
 */
class SparseIntentBenchmark {

  @org.junit.jupiter.api.Test
  void run() throws Exception {
    main(new String[0]);
  }

  /** Runs the benchmark with the system properties described above. */
  public static void main(String[] args) throws Exception {
    String split = System.getProperty("split", "valid");
    List<String> sets =
        List.of(System.getProperty("datasets", "snips,atis,banking77,cais_zh").split(","));
    int parses = Integer.getInteger("parses", 200_000);
    System.out.printf(
        "load average %.2f, %d cores%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| data set | split | train n | train s | CPU s | caller CPU s | stored MB | accuracy % |"
            + " parses/s (2 thr) | parses per CPU-s | p50 µs | p99 µs |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      NluDatasets.Experiment experiment = NluDatasets.experiment(set, split);
      List<NluExample> train = experiment.train();
      List<NluExample> eval = experiment.eval();
      String language = set.endsWith("_zh") ? "zh" : "en";
      TrainingData data = NluDatasets.trainingData(language, train);
      try (SparseIntentClassifier classifier = defaultClassifier()) {
        long cpu = IntentBenchmarks.processCpuNanos();
        long ownCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        MemoryStorage storage = new MemoryStorage();
        classifier.train(data, storage);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (IntentBenchmarks.processCpuNanos() - cpu) / 1e9;
        double ownCpuSeconds =
            (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - ownCpu) / 1e9;
        List<Message> messages =
            eval.stream().map(e -> new Message(e.text(), language, null)).toList();
        int correct = 0;
        for (int i = 0; i < eval.size(); i++) {
          List<IntentPrediction> ranking = classifier.classify(messages.get(i));
          if (!ranking.isEmpty() && ranking.get(0).name().equals(eval.get(i).intent())) {
            correct++;
          }
        }
        double[] latency = latencyMicros(classifier, messages);
        double[] throughput = throughput(classifier, messages, parses);
        System.out.printf(
            "| %s | %s | %d | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f | %.0f | %.1f | %.1f |%n",
            set,
            split,
            train.size(),
            trainSeconds,
            cpuSeconds,
            ownCpuSeconds,
            storage.bytes() / 1e6,
            100.0 * correct / eval.size(),
            throughput[0],
            throughput[1],
            latency[0],
            latency[1]);
      }
    }
  }

  private static SparseIntentClassifier defaultClassifier() {
    SparseIntentClassifierFactory factory = new SparseIntentClassifierFactory();
    return factory.model(
        dev.parley.plugins.testkit.TestContext.of(
            factory.configProperties(), Map.of(), TrainingDataBuilder.emptyDomain()));
  }

  private static double[] latencyMicros(SparseIntentClassifier classifier, List<Message> messages) {
    int n = Math.min(messages.size(), 2000);
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < n; i++) {
        classifier.classify(messages.get(i));
      }
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      classifier.classify(messages.get(i));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new double[] {nanos[n / 2] / 1e3, nanos[(int) (n * 0.99)] / 1e3};
  }

  /** Parses per second of wall time and per second of the two workers' CPU time. */
  private static double[] throughput(
      SparseIntentClassifier classifier, List<Message> messages, int total)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    Runnable work =
        () -> {
          long begin = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          long i;
          while ((i = next.getAndIncrement()) < total) {
            classifier.classify(messages.get((int) (i % messages.size())));
          }
          cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - begin);
        };
    long start = System.nanoTime();
    Thread a = new Thread(work);
    Thread b = new Thread(work);
    a.start();
    b.start();
    a.join();
    b.join();
    return new double[] {total / ((System.nanoTime() - start) / 1e9), total / (cpu.get() / 1e9)};
  }
}
