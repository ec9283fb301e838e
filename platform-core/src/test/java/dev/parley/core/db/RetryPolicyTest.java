package dev.parley.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofMillis(300), 0.25);

  @Test
  void waitsGrowExponentiallyUpToTheMaximum() {
    assertEquals(Duration.ZERO, policy.delayBefore(1, () -> 0.5));
    assertEquals(Duration.ofMillis(100), policy.delayBefore(2, () -> 0.5));
    assertEquals(Duration.ofMillis(200), policy.delayBefore(3, () -> 0.5));
    assertEquals(Duration.ofMillis(300), policy.delayBefore(4, () -> 0.5));
    assertEquals(Duration.ofMillis(300), policy.delayBefore(5, () -> 0.5));
  }

  @Test
  void jitterSpreadsEachWaitBothWays() {
    assertEquals(Duration.ofMillis(75), policy.delayBefore(2, () -> 0.0));
    assertEquals(Duration.ofMillis(125), policy.delayBefore(2, () -> 1.0));
    assertEquals(Duration.ofMillis(150), policy.delayBefore(3, () -> 0.0));
  }

  @Test
  void theDatabasePolicyTriesThreeTimesWithinHalfASecondOfWaiting() {
    RetryPolicy db = RetryPolicy.DATABASE;
    assertEquals(3, db.maxAttempts());
    long most = db.delayBefore(2, () -> 1.0).toMillis() + db.delayBefore(3, () -> 1.0).toMillis();
    assertEquals(375, most);
  }

  @Test
  void rejectsNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(0, Duration.ofMillis(1), 2, Duration.ofMillis(1), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(3, Duration.ofMillis(1), 2, Duration.ofMillis(1), 1.5));
  }
}
