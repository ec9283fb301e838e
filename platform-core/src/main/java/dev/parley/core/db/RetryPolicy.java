package dev.parley.core.db;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: attempt {@code n} (from 2) waits {@code initialDelay ×
 * multiplier^(n-2)}, at most {@code maxDelay}, then spread by ±{@code jitter} (a fraction) so that
 * turns failing together do not retry in step.
 *
 * @param maxAttempts tries in all, the first included
 * @param initialDelay the wait before the second try
 * @param multiplier growth of the wait per try
 * @param maxDelay the longest wait before jitter
 * @param jitter the fraction (0 to 1) by which each wait is spread, both ways
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

  /** The database's policy: 3 tries, waiting about 100 ms and then 200 ms (±25 %). */
  public static final RetryPolicy DATABASE =
      new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.25);

  /** Checks the values. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (multiplier < 1 || jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("multiplier must be >= 1 and jitter within 0..1");
    }
  }

  /**
   * The wait before the given attempt.
   *
   * @param attempt the attempt about to be made, 2 or more
   * @param random a source of numbers in [0, 1)
   */
  public Duration delayBefore(int attempt, DoubleSupplier random) {
    if (attempt < 2) {
      return Duration.ZERO;
    }
    double base =
        Math.min(
            initialDelay.toMillis() * Math.pow(multiplier, attempt - 2.0), maxDelay.toMillis());
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.round(base * spread));
  }
}
