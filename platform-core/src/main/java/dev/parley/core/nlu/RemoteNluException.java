package dev.parley.core.nlu;

/** The NLU server gave no parse by the requested model version (failure, refusal, bad answer). */
public class RemoteNluException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with its reason. */
  public RemoteNluException(String message) {
    super(message);
  }

  /** A failure with its reason and cause. */
  public RemoteNluException(String message, Throwable cause) {
    super(message, cause);
  }
}
