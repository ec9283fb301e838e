package dev.parley.core.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(10), clock);

  @Test
  void aUserIsBlockedAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      throttle.check("ann", "10.0.0." + i);
      throttle.failed("ann", "10.0.0." + i);
      now = now.plusSeconds(60);
    }
    SignInThrottledException refused =
        assertThrows(SignInThrottledException.class, () -> throttle.check("ann", "10.0.0.9"));
    assertEquals(Duration.ofMinutes(7), refused.retryAfter());
    assertDoesNotThrow(() -> throttle.check("bob", "10.0.0.9"), "other users are not blocked");
    now = now.plus(Duration.ofMinutes(7));
    assertDoesNotThrow(() -> throttle.check("ann", "10.0.0.9"));
  }

  @Test
  void anAddressIsBlockedAfterItsLimitWhateverTheUser() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "10.0.0.1");
    }
    assertThrows(SignInThrottledException.class, () -> throttle.check("new", "10.0.0.1"));
    assertDoesNotThrow(() -> throttle.check("new", "10.0.0.2"));
  }

  @Test
  void aSuccessForgetsTheUsersFailures() {
    throttle.failed("ann", "a");
    throttle.failed("ann", "b");
    throttle.succeeded("ann");
    throttle.failed("ann", "c");
    throttle.failed("ann", "d");
    assertDoesNotThrow(() -> throttle.check("ann", "e"));
  }
}
