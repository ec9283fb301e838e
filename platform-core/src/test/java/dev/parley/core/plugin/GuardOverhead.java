package dev.parley.core.plugin;

import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures what the guard adds to one in-process call: a trivial classifier called bare, guarded
 * without metrics, and guarded with counting meters (a counter and a nanosecond sum per call), in
 * one and two threads, alternating rounds. Run with the test classpath: {@code java -cp ...
 * dev.parley.core.plugin.GuardOverhead}. Not a test.
 */
public final class GuardOverhead {

  private static final int CALLS = 5_000_000;
  private static final int ROUNDS = 5;
  private static final Message MESSAGE = new Message("hello", "en", null);

  private GuardOverhead() {}

  /** Counts calls and their time, as a metrics registry would at the least. */
  private static final class CountingMeter implements PluginMeter {
    private final LongAdder calls = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    @Override
    public void ran(long elapsed) {
      calls.increment();
      nanos.add(elapsed);
    }

    @Override
    public void failed(String reason) {}

    @Override
    public void refused() {}
  }

  /** Prints ns per call for each variant. */
  public static void main(String[] args) throws Exception {
    List<IntentPrediction> ranking = List.of(new IntentPrediction("greet", 0.9));
    IntentClassifier bare = message -> ranking;
    PluginGuard plain = new PluginGuard(GuardSettings.defaults(), PluginMeters.NONE, null);
    PluginGuard counting =
        new PluginGuard(
            GuardSettings.defaults(),
            (PluginKey key, CircuitBreaker breaker) -> new CountingMeter(),
            null);
    IntentClassifier noMetrics = plain.classifier("Bench", "t", "b", bare);
    IntentClassifier withMetrics = counting.classifier("Bench", "t", "b", bare);
    for (int round = 0; round < ROUNDS; round++) {
      for (int threads = 1; threads <= 2; threads++) {
        double b = nanosPerCall(bare, threads);
        double n = nanosPerCall(noMetrics, threads);
        double m = nanosPerCall(withMetrics, threads);
        System.out.printf(
            "round %d, %d thread(s): bare %.1f ns, guarded %.1f ns (+%.1f), guarded+counting"
                + " %.1f ns (+%.1f)%n",
            round, threads, b, n, n - b, m, m - b);
      }
    }
  }

  private static double nanosPerCall(IntentClassifier classifier, int threads) throws Exception {
    long[] sinks = new long[threads];
    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int index = t;
      workers[t] =
          new Thread(
              () -> {
                long sink = 0;
                for (int i = 0; i < CALLS; i++) {
                  sink += classifier.classify(MESSAGE).size();
                }
                sinks[index] = sink;
              });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long elapsed = System.nanoTime() - start;
    long total = 0;
    for (long sink : sinks) {
      total += sink;
    }
    if (total != (long) CALLS * threads) {
      throw new IllegalStateException("lost calls");
    }
    // Wall time per call of one thread: what a turn pays.
    return (double) elapsed / CALLS;
  }
}
