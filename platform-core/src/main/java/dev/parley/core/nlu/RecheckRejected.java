package dev.parley.core.nlu;

/** A re-check stage gave no verdict: it timed out, failed, or its circuit is open. */
public class RecheckRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The stage did not answer within its deadline. */
  public static final String TIMEOUT = "timeout";

  /** The stage's circuit breaker is open. */
  public static final String CIRCUIT_OPEN = "circuit_open";

  /** The stage threw. */
  public static final String ERROR = "error";

  private final String reason;

  /** A rejection for the given reason. */
  public RecheckRejected(String reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  /** {@link #TIMEOUT}, {@link #CIRCUIT_OPEN} or {@link #ERROR}. */
  public String reason() {
    return reason;
  }
}
