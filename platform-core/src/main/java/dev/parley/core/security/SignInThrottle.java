package dev.parley.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Limits password guessing, for console sign-in and HTTP Basic alike: after {@code
 * parley.signin.max.failures.user} failures for one user name, or {@code
 * parley.signin.max.failures.address} from one client address, within {@code
 * parley.signin.window.seconds}, further attempts are refused ({@link SignInThrottledException})
 * until the oldest failure leaves the window. Every failure is logged and counted ({@code
 * parley_signin_failures_total{reason}}). Each server counts its own attempts.
 */
@ApplicationScoped
public class SignInThrottle {

  private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

  private FailureWindows perUser;
  private FailureWindows perAddress;
  private Clock clock;
  private Counter wrongCredentials;
  private Counter throttled;

  /** For CDI proxies. */
  protected SignInThrottle() {}

  /** Reads the limits and registers the counter. */
  @Inject
  public SignInThrottle(
      @ConfigProperty(name = "parley.signin.max.failures.user", defaultValue = "10") int perUser,
      @ConfigProperty(name = "parley.signin.max.failures.address", defaultValue = "50")
          int perAddress,
      @ConfigProperty(name = "parley.signin.window.seconds", defaultValue = "900")
          long windowSeconds,
      MetricRegistry metrics) {
    this(perUser, perAddress, Duration.ofSeconds(Math.max(1, windowSeconds)), Clock.systemUTC());
    this.wrongCredentials =
        metrics.counter("parley_signin_failures_total", new Tag("reason", "wrong_credentials"));
    this.throttled =
        metrics.counter("parley_signin_failures_total", new Tag("reason", "throttled"));
  }

  /** Without metrics, on the given clock (tests). */
  SignInThrottle(int perUser, int perAddress, Duration window, Clock clock) {
    this.perUser = new FailureWindows(perUser, window);
    this.perAddress = new FailureWindows(perAddress, window);
    this.clock = clock;
  }

  /**
   * Refuses the attempt if the user or the address failed too often lately.
   *
   * @throws SignInThrottledException with the time until an attempt may be made again
   */
  public void check(String user, String address) {
    Optional<Duration> userBlocked = perUser.blockedFor(user, clock.instant());
    Optional<Duration> addressBlocked = perAddress.blockedFor(address, clock.instant());
    if (userBlocked.isEmpty() && addressBlocked.isEmpty()) {
      return;
    }
    Duration wait =
        userBlocked.orElse(Duration.ZERO).compareTo(addressBlocked.orElse(Duration.ZERO)) >= 0
            ? userBlocked.orElseThrow()
            : addressBlocked.orElseThrow();
    count(throttled);
    LOG.warning(
        "sign-in refused for user '"
            + printable(user)
            + "' from "
            + printable(address)
            + ": too many failures, blocked for "
            + wait.toSeconds()
            + " s");
    throw new SignInThrottledException(wait);
  }

  /** Records a wrong user name or password. */
  public void failed(String user, String address) {
    perUser.record(user, clock.instant());
    perAddress.record(address, clock.instant());
    count(wrongCredentials);
    LOG.warning("sign-in failed for user '" + printable(user) + "' from " + printable(address));
  }

  /** Forgets the user's failures after a successful sign-in (the address keeps its count). */
  public void succeeded(String user) {
    perUser.clear(user);
  }

  private static void count(Counter counter) {
    if (counter != null) {
      counter.inc();
    }
  }

  /** The value without control characters and at most 64 characters, safe for one log line. */
  private static String printable(String value) {
    String cleaned = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
  }
}
