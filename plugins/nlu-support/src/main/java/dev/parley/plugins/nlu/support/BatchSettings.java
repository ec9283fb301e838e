package dev.parley.plugins.nlu.support;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How a {@link MicroBatcher} gathers calls: at most {@code maxBatch} inputs per run, a batch waits
 * at most {@code maxWaitNanos} to fill, and at most {@code parallelism} runs go at once. Read from
 * system properties or environment variables ({@code parley.nlu.batch.size} / {@code
 * PARLEY_NLU_BATCH_SIZE}, default 1: off, 32 is the usual size when on; {@code
 * parley.nlu.batch.wait.micros}, default 2000; {@code parley.nlu.batch.runs}, default the number of
 * processors).
 *
 * @param maxBatch the most inputs in one run (1: no batching)
 * @param maxWaitNanos the longest a batch stays open
 * @param parallelism the most runs at once
 */
public record BatchSettings(int maxBatch, long maxWaitNanos, int parallelism) {

  /** Checks the values. */
  public BatchSettings {
    if (maxBatch < 1 || maxWaitNanos < 0 || parallelism < 1) {
      throw new IllegalArgumentException(
          "batch size and parallelism must be at least 1, the wait not negative");
    }
  }

  /** Batches of up to {@code maxBatch}, with the configured wait and parallelism. */
  public BatchSettings withMaxBatch(int size) {
    return new BatchSettings(size, maxWaitNanos, parallelism);
  }

  /** Whether calls are batched at all. */
  public boolean enabled() {
    return maxBatch > 1;
  }

  /** The server's settings. */
  public static BatchSettings configured() {
    return from(BatchSettings::lookup);
  }

  /** The settings from a lookup of the property names (tests). */
  static BatchSettings from(Function<String, Optional<String>> lookup) {
    int processors = Runtime.getRuntime().availableProcessors();
    return new BatchSettings(
        lookup.apply("parley.nlu.batch.size").map(Integer::parseInt).orElse(1),
        TimeUnit.MICROSECONDS.toNanos(
            lookup.apply("parley.nlu.batch.wait.micros").map(Long::parseLong).orElse(2000L)),
        lookup.apply("parley.nlu.batch.runs").map(Integer::parseInt).orElse(processors));
  }

  private static Optional<String> lookup(String property) {
    String env = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    return Optional.ofNullable(System.getProperty(property))
        .or(() -> Optional.ofNullable(System.getenv(env)))
        .map(String::trim)
        .filter(value -> !value.isEmpty());
  }
}
