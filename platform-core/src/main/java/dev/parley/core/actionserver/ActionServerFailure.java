package dev.parley.core.actionserver;

/** An action-server call that did not give a usable answer, with a stable reason code. */
public class ActionServerFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** No answer in time. */
  public static final String TIMEOUT = "timeout";

  /** No connection could be made. */
  public static final String UNREACHABLE = "unreachable";

  /** The server answered with an error status. */
  public static final String HTTP_ERROR = "http_error";

  /** The server does not know the action (404). */
  public static final String NOT_FOUND = "not_found";

  /** The answer could not be read. */
  public static final String BAD_RESPONSE = "bad_response";

  /** The bot's circuit is open: calls are not even tried. */
  public static final String CIRCUIT_OPEN = "circuit_open";

  /** Anything else. */
  public static final String ERROR = "error";

  private final String reason;

  /** A failure with its reason code. */
  public ActionServerFailure(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The reason code. */
  public String reason() {
    return reason;
  }
}
