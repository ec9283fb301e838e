package dev.parley.plugins.entity.crf;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.SpanScore;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the CRF on {@code train.jsonl} of each shared data set and scores it on another split
 * ({@code test} by default; choose settings on {@code valid}), printing exact-span precision,
 * recall and F1 with training time and per-sentence latency.
 *
 * <p>Arguments: {@code split set...}. Settings come from system properties {@code crf.scheme} (IO,
 * BIO, BILOU), {@code crf.window}, {@code crf.epochs}, {@code crf.lr}, {@code crf.seed} (defaults:
 * the factory's); {@code crf.order=intent} trains on the examples grouped by intent (as a bot's
 * {@code nlu.yml} has them) instead of in file order; {@code crf.average=N} averages the weights
 * over the last N epochs; {@code crf.errors=true} prints the entity types that miss most.
 */
public final class CrfBenchmark {

  private CrfBenchmark() {}

  public static void main(String[] args) {
    String split = args.length > 0 ? args[0] : "test";
    List<String> sets =
        args.length > 1
            ? Arrays.asList(args).subList(1, args.length)
            : List.of("snips", "atis", "cais_zh");
    CrfSettings settings =
        new CrfSettings(
            TagScheme.Style.valueOf(System.getProperty("crf.scheme", "IO")),
            Integer.getInteger("crf.window", 2),
            Integer.getInteger("crf.epochs", 5),
            Double.parseDouble(System.getProperty("crf.lr", "0.5")),
            Integer.getInteger("crf.batch", 1),
            Long.getLong("crf.seed", 1L),
            Integer.getInteger("crf.average", 5));
    System.out.println(
        "CRFEntityExtractor on "
            + split
            + " with "
            + settings
            + ", training order "
            + System.getProperty("crf.order", "file"));
    System.out.println(
        "| data set | train utt | train s (wall) | train s (CPU) | eval utt | precision % | recall % | F1 % | ms/sentence p50 | p99 |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      if (!NluDatasets.has(set, "train") || !NluDatasets.has(set, split)) {
        System.out.println("| " + set + " | missing |");
        continue;
      }
      System.out.println(row(set, split, settings));
    }
  }

  /** The examples grouped by intent, as a bot's {@code nlu.yml} lists them (stable sort). */
  static List<NluExample> byIntent(List<NluExample> examples) {
    return examples.stream().sorted(Comparator.comparing(NluExample::intent)).toList();
  }

  /** The entity types with the most missed gold spans, with their spurious spans beside. */
  private static void printErrors(String set, SpanScore score) {
    System.out.println("errors on " + set + " (type: missed gold spans / spurious found spans)");
    score.missedByType().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(Integer.getInteger("crf.errors.top", 15))
        .forEach(
            e ->
                System.out.println(
                    "  "
                        + e.getKey()
                        + ": "
                        + e.getValue()
                        + " / "
                        + score.spuriousByType().getOrDefault(e.getKey(), 0)));
    System.out.println("  misses by kind: " + score.missKinds());
    System.out.println("  most frequent type confusions (gold -> found, same bounds):");
    score.confusions().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(10)
        .forEach(e -> System.out.println("    " + e.getKey() + ": " + e.getValue()));
  }

  static String row(String set, String split, CrfSettings settings) {
    List<NluExample> all = NluDatasets.read(set, "train");
    List<NluExample> train =
        all.subList(0, Math.min(all.size(), Integer.getInteger("crf.limit", Integer.MAX_VALUE)));
    if ("intent".equals(System.getProperty("crf.order", "file"))) {
      train = byIntent(train);
    }
    List<NluExample> eval = NluDatasets.read(set, split);
    TrainingDataBuilder builder = new TrainingDataBuilder();
    train.forEach(builder::example);
    TrainingData data = builder.build();
    CrfEntityExtractor extractor = new CrfEntityExtractor(settings);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long startedCpu = threads.getCurrentThreadCpuTime();
    extractor.train(data, new MemoryStorage());
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    double trainCpuSeconds = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e9;
    String language = set.endsWith("_zh") ? "zh" : "en";
    for (int i = 0; i < Math.min(200, eval.size()); i++) {
      extractor.extract(new Message(eval.get(i).text(), language, null), List.of());
    }
    SpanScore score = new SpanScore();
    double[] millis = new double[eval.size()];
    for (int i = 0; i < eval.size(); i++) {
      NluExample example = eval.get(i);
      long t0 = System.nanoTime();
      List<Entity> found =
          extractor.extract(new Message(example.text(), language, null), List.of());
      millis[i] = (System.nanoTime() - t0) / 1e6;
      score.add(example, found);
    }
    Arrays.sort(millis);
    if (Boolean.getBoolean("crf.errors")) {
      printErrors(set, score);
    }
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %d | %.2f | %.2f | %.2f | %.3f | %.3f |",
        set,
        train.size(),
        trainSeconds,
        trainCpuSeconds,
        eval.size(),
        100 * score.precision(),
        100 * score.recall(),
        100 * score.f1(),
        millis[millis.length / 2],
        millis[(int) Math.min(millis.length - 1, Math.ceil(millis.length * 0.99) - 1)]);
  }
}
