package dev.parley.core.actionserver;

/** No connection to the action server; the only failure that is retried. */
public class ActionServerUnreachable extends ActionServerFailure {
  private static final long serialVersionUID = 1L;

  /** The connection failed. */
  public ActionServerUnreachable(String message, Throwable cause) {
    super(UNREACHABLE, message, cause);
  }
}
