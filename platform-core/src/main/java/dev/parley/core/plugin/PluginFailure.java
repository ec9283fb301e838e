package dev.parley.core.plugin;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * A plugin call that gave no usable answer, with a stable reason code (shown in parse results, bot
 * events and the {@code reason} tag of the metrics).
 */
public class PluginFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** No answer within the deadline. */
  public static final String TIMEOUT = "timeout";

  /** The key's circuit breaker is open: the plugin is not called. */
  public static final String CIRCUIT_OPEN = "circuit_open";

  /** Too many calls of the tenant (or the server) in flight: the plugin is not called. */
  public static final String BULKHEAD_FULL = "bulkhead_full";

  /** No connection could be made (retried where the kind retries). */
  public static final String UNREACHABLE = "unreachable";

  /** The plugin failed otherwise. */
  public static final String ERROR = "error";

  private final String reason;

  /** A failure with its reason code. */
  public PluginFailure(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The reason code. */
  public String reason() {
    return reason;
  }

  /**
   * The reason code of any failure of a guarded call: its own for a {@link PluginFailure}, else
   * that of MicroProfile Fault Tolerance's server-wide bound, else {@link #ERROR}.
   */
  public static String reasonOf(Throwable failure) {
    if (failure instanceof PluginFailure known) {
      return known.reason();
    }
    if (failure instanceof TimeoutException) {
      return TIMEOUT;
    }
    if (failure instanceof BulkheadException) {
      return BULKHEAD_FULL;
    }
    if (failure instanceof CircuitBreakerOpenException) {
      return CIRCUIT_OPEN;
    }
    return ERROR;
  }
}
