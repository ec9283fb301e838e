package dev.parley.core.db;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs database work and tries it again, after a backoff, when it failed transiently; after the
 * policy's last try it throws {@link DatabaseUnavailableException}. Other failures pass through at
 * once.
 *
 * <p>A transient failure leaves it unknown whether the work was committed. So the work is told
 * which try it is; from the second try on, it must not write twice (check first, or rely on a key),
 * and a unique-key violation on such a try is retried too: the next try then finds its own earlier
 * commit.
 *
 * <p>Not MicroProfile Fault Tolerance's {@code @Retry}: whether a failure is transient is decided
 * by SQLState down the cause chain (the container wraps the driver's exception in JTA and JPA ones,
 * and {@code retryOn} can only name classes), the group-commit writer thread is not a CDI call, and
 * a retried write must know that it is a retry.
 */
public final class DatabaseRetry {

  private static final Logger LOG = Logger.getLogger(DatabaseRetry.class.getName());

  /** Work to try; {@code attempt} is 1 for the first try. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work once. */
    T attempt(int attempt);
  }

  /** Waits between tries (a test may pass one that does not sleep). */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for the given time. */
    void sleep(Duration delay) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /** The given policy, really sleeping, with random jitter. */
  public DatabaseRetry(RetryPolicy policy) {
    this(
        policy,
        delay -> Thread.sleep(delay.toMillis()),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The given policy, sleeper and source of jitter. */
  public DatabaseRetry(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** Runs the work, trying again on transient failures. */
  public <T> T call(String what, Work<T> work) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      if (attempt > 1) {
        pause(policy.delayBefore(attempt, random), attempt - 1, last);
      }
      try {
        return work.attempt(attempt);
      } catch (RuntimeException e) {
        DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
        boolean retry =
            kind == DatabaseFailures.Kind.TRANSIENT
                || (kind == DatabaseFailures.Kind.DUPLICATE_KEY && attempt > 1);
        if (!retry) {
          throw e;
        }
        last = e;
        LOG.log(
            Level.WARNING,
            "{0}: try {1} of {2} failed: {3}",
            new Object[] {what, attempt, policy.maxAttempts(), rootMessage(e)});
      }
    }
    throw new DatabaseUnavailableException(policy.maxAttempts(), last);
  }

  /** Runs work that returns nothing, trying again on transient failures. */
  public void run(String what, IntConsumer work) {
    call(
        what,
        attempt -> {
          work.accept(attempt);
          return Boolean.TRUE;
        });
  }

  private void pause(Duration delay, int attempts, RuntimeException last) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseUnavailableException(attempts, last);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
