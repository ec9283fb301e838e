package dev.parley.core.llm;

/** A guarded LLM call that did not produce an answer, with the reason used in metrics. */
public final class LlmRejected extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  /** A failure with one of {@link LlmOutcome}'s reasons. */
  public LlmRejected(String reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  /** The reason, e.g. {@link LlmOutcome#TIMEOUT}. */
  public String reason() {
    return reason;
  }
}
