package dev.parley.core.security;

import java.time.Duration;

/** A sign-in refused because of too many recent failures for the user or the client address. */
public class SignInThrottledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** Refused for this long. */
  public SignInThrottledException(Duration retryAfter) {
    super("too many failed sign-ins; try again in " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  /** How long until a sign-in may be tried again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
