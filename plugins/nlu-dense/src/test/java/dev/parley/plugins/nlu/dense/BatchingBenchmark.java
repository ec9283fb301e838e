package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugins.nlu.dense.SentenceEncoder.Model;
import dev.parley.plugins.nlu.support.BatchSettings;
import dev.parley.plugins.testkit.NluDatasets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Embeddings per second of one encoder at 1 and 200 concurrent callers, micro-batching on and off,
 * with the p50 and p99 latency of a call and the mean batch size; prints a Markdown table. Every
 * call embeds a different text (no cache). Run with {@code plugins/nlu-dense/bench/batching.sh}
 * (system properties: {@code batch}, default 32 unless {@code parley.nlu.batch.size} is set, {@code
 * model}, {@code seconds} per cell, default 5, {@code callers}, default "1,200", {@code rounds},
 * default 2, each measuring every cell once, off and on alternating).
 */
public final class BatchingBenchmark {

  private BatchingBenchmark() {}

  /** Runs every cell and prints the table. */
  public static void main(String[] args) throws InterruptedException {
    Model model = Model.choose(System.getProperty("model", "all-minilm-l6-v2-q"), "en");
    double seconds = Double.parseDouble(System.getProperty("seconds", "5"));
    int[] callers =
        Arrays.stream(System.getProperty("callers", "1,200").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    List<String> texts = texts();
    SentenceEncoder encoder = SentenceEncoder.of(model);
    BatchSettings configured = BatchSettings.configured();
    var batcher =
        encoder.newBatcher(
            configured.enabled()
                ? configured
                : configured.withMaxBatch(Integer.getInteger("batch", 32)));
    System.out.printf(
        Locale.ROOT,
        "%s, %d texts, %d processors, batch <= %d, wait <= %d us, %d runs at once%n",
        model.id(),
        texts.size(),
        Runtime.getRuntime().availableProcessors(),
        batcher.settings().maxBatch(),
        batcher.settings().maxWaitNanos() / 1000,
        batcher.settings().parallelism());
    measure(encoder::embedAlone, 8, texts, 2);
    Function<String, float[]> batched = text -> encoder.embed(text, batcher);
    measure(batched, 64, texts, 2);
    System.out.println(
        "| callers | batching | embeddings/s | p50 ms | p99 ms | mean batch |\n|---|---|---|---|---|---|");
    int rounds = Integer.getInteger("rounds", 2);
    for (int round = 0; round < rounds; round++) {
      for (int n : callers) {
        for (boolean on : new boolean[] {false, true}) {
          long runs0 = batcher.runs();
          long inputs0 = batcher.inputs();
          Result r = measure(on ? batched : encoder::embedAlone, n, texts, seconds);
          long runs = batcher.runs() - runs0;
          double meanBatch = runs == 0 ? 1 : (batcher.inputs() - inputs0) / (double) runs;
          System.out.printf(
              Locale.ROOT,
              "| %d | %s | %.0f | %.2f | %.2f | %.1f |%n",
              n,
              on ? "on" : "off",
              r.perSecond(),
              r.p50(),
              r.p99(),
              on ? meanBatch : 1.0);
        }
      }
    }
  }

  private record Result(double perSecond, double p50, double p99) {}

  private static Result measure(
      Function<String, float[]> embed, int callers, List<String> texts, double seconds)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<long[]> latencies = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < callers; c++) {
      long[] mine = new long[200_000];
      int[] count = new int[1];
      latencies.add(mine);
      counts.add(count);
      int offset = c * 7919;
      Thread thread =
          new Thread(
              () -> {
                await(start);
                int i = 0;
                while (!stop.get() && i < mine.length) {
                  long t0 = System.nanoTime();
                  embed.apply(texts.get(Math.floorMod(offset + i, texts.size())));
                  mine[i++] = System.nanoTime() - t0;
                }
                count[0] = i;
              });
      thread.start();
      threads.add(thread);
    }
    long t0 = System.nanoTime();
    start.countDown();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int total = counts.stream().mapToInt(c -> c[0]).sum();
    long[] all = new long[total];
    int k = 0;
    for (int c = 0; c < callers; c++) {
      System.arraycopy(latencies.get(c), 0, all, k, counts.get(c)[0]);
      k += counts.get(c)[0];
    }
    Arrays.sort(all);
    return new Result(total / elapsed, ms(all, 0.5), ms(all, 0.99));
  }

  private static List<String> texts() {
    List<String> texts = new ArrayList<>();
    if (NluDatasets.has("snips", "valid")) {
      NluDatasets.read("snips", "valid").stream()
          .map(NluExample::text)
          .distinct()
          .forEach(texts::add);
    }
    if (texts.isEmpty()) {
      for (int i = 0; i < 2000; i++) {
        texts.add("I would like order number " + i + " with " + (i % 7) + " extra shots please");
      }
    }
    return texts;
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
