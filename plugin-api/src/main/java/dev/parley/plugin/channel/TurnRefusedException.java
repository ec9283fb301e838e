package dev.parley.plugin.channel;

/**
 * A turn the core would not run: the bot is unknown, the caller may not use it, or the message is
 * not acceptable. {@link #status()} is the HTTP status the REST channel would answer with.
 */
public class TurnRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;

  /**
   * A refusal.
   *
   * @param status the HTTP status the REST channel would give
   * @param reason a short machine-readable reason (e.g. {@code unauthorized})
   * @param message a sentence for the user or developer
   */
  public TurnRefusedException(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /** The HTTP status the REST channel would give. */
  public int status() {
    return status;
  }

  /** The machine-readable reason. */
  public String reason() {
    return reason;
  }
}
