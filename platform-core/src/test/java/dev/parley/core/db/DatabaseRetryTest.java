package dev.parley.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DatabaseRetryTest {

  private final List<Duration> waits = new ArrayList<>();
  private final DatabaseRetry retry =
      new DatabaseRetry(RetryPolicy.DATABASE, waits::add, () -> 0.5);

  private static RuntimeException failure(String state) {
    return new IllegalStateException("wrapped", new SQLException("db", state));
  }

  @Test
  void succeedsAtOnceWithoutWaiting() {
    assertEquals("ok", retry.call("work", attempt -> "ok"));
    assertEquals(List.of(), waits);
  }

  @Test
  void triesATransientFailureAgainWithBackoff() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        retry.call(
            "work",
            attempt -> {
              if (calls.incrementAndGet() < 3) {
                throw failure("08006");
              }
              return "ok after " + attempt;
            });
    assertEquals("ok after 3", result);
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
  }

  @Test
  void givesUpAfterThreeTries() {
    AtomicInteger calls = new AtomicInteger();
    RuntimeException last = failure("40001");
    DatabaseUnavailableException error =
        assertThrows(
            DatabaseUnavailableException.class,
            () ->
                retry.run(
                    "work",
                    attempt -> {
                      calls.incrementAndGet();
                      throw last;
                    }));
    assertEquals(3, calls.get());
    assertSame(last, error.getCause());
  }

  @Test
  void aPermanentFailurePassesAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    RuntimeException bug = failure("42601");
    assertSame(
        bug,
        assertThrows(
            RuntimeException.class,
            () ->
                retry.run(
                    "work",
                    attempt -> {
                      calls.incrementAndGet();
                      throw bug;
                    })));
    assertEquals(1, calls.get());
  }

  @Test
  void aDuplicateKeyOnTheFirstTryIsARealConflict() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        RuntimeException.class,
        () ->
            retry.run(
                "work",
                attempt -> {
                  calls.incrementAndGet();
                  throw failure("23505");
                }));
    assertEquals(1, calls.get());
  }

  @Test
  void aDuplicateKeyAfterAnUncertainTryIsTriedAgain() {
    List<Integer> attempts = new ArrayList<>();
    retry.run(
        "work",
        attempt -> {
          attempts.add(attempt);
          if (attempt == 1) {
            throw failure("08006");
          }
          if (attempt == 2) {
            throw failure("23505");
          }
        });
    assertEquals(List.of(1, 2, 3), attempts);
  }
}
