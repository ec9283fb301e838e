package dev.parley.core.llm;

import java.util.Optional;

/**
 * What a guarded call produced: the generated text, or why there is none.
 *
 * @param text the generated text, if the model answered with some
 * @param failure why the call produced nothing usable ({@code timeout}, {@code circuit_open},
 *     {@code bulkhead_full}, {@code error}), if it failed
 */
public record LlmOutcome(Optional<String> text, Optional<String> failure) {

  /** Failure reason: the model did not answer in time. */
  public static final String TIMEOUT = "timeout";

  /** Failure reason: the bot's circuit is open after repeated failures. */
  public static final String CIRCUIT_OPEN = "circuit_open";

  /** Failure reason: too many LLM calls of the tenant (or the server) in flight. */
  public static final String BULKHEAD_FULL = "bulkhead_full";

  /** Failure reason: the model failed (HTTP error, unreadable answer, unreachable). */
  public static final String ERROR = "error";

  /** The model answered (possibly with nothing). */
  public static LlmOutcome answered(Optional<String> text) {
    return new LlmOutcome(text, Optional.empty());
  }

  /** The call failed. */
  public static LlmOutcome failed(String reason) {
    return new LlmOutcome(Optional.empty(), Optional.of(reason));
  }
}
