package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugins.testkit.NluDatasets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-thread embedding latency of several encoders, measured back to back: each text is embedded
 * by every model in turn, so that load on a shared machine affects them alike. Prints the p50, p90
 * and p99 of wall-clock and of thread CPU time per embed. Not a unit test: {@code mvn -B -q -pl
 * plugins/nlu-dense -am test -Dtest=EncoderLatency -Dsurefire.failIfNoSpecifiedTests=false
 * -Dencoders=all-minilm-l6-v2-q,bge-small-en-v1.5-q -Ddataset=snips -Dtexts=500 -Dwarmup=100}.
 */
class EncoderLatency {

  @Test
  void run() {
    List<SentenceEncoder> encoders =
        Arrays.stream(
                System.getProperty("encoders", "all-minilm-l6-v2-q,bge-small-en-v1.5-q").split(","))
            .map(id -> SentenceEncoder.of(SentenceEncoder.Model.choose(id, "en")))
            .toList();
    List<String> texts =
        NluDatasets.read(System.getProperty("dataset", "snips"), "valid").stream()
            .map(NluExample::text)
            .distinct()
            .limit(Integer.getInteger("texts", 500))
            .toList();
    int warmup = Integer.getInteger("warmup", 100);
    for (SentenceEncoder encoder : encoders) {
      for (int i = 0; i < warmup; i++) {
        encoder.embed(texts.get(i % texts.size()));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<long[]> wall = new ArrayList<>();
    List<long[]> cpu = new ArrayList<>();
    for (int m = 0; m < encoders.size(); m++) {
      wall.add(new long[texts.size()]);
      cpu.add(new long[texts.size()]);
    }
    for (int i = 0; i < texts.size(); i++) {
      for (int m = 0; m < encoders.size(); m++) {
        // Alternate which model goes first, so neither always runs on a warmer cache.
        int k = (m + i) % encoders.size();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        encoders.get(k).embed(texts.get(i));
        wall.get(k)[i] = System.nanoTime() - t0;
        cpu.get(k)[i] = threads.getCurrentThreadCpuTime() - cpu0;
      }
    }
    System.out.printf(
        "%d texts, %d warm-up calls per model%n| model | wall p50 | p90 | p99 | cpu p50 | p90 | p99 |%n",
        texts.size(), warmup);
    for (int m = 0; m < encoders.size(); m++) {
      long[] w = wall.get(m).clone();
      long[] c = cpu.get(m).clone();
      Arrays.sort(w);
      Arrays.sort(c);
      System.out.printf(
          "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          encoders.get(m).model().id(),
          ms(w, 0.5),
          ms(w, 0.9),
          ms(w, 0.99),
          ms(c, 0.5),
          ms(c, 0.9),
          ms(c, 0.99));
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }
}
