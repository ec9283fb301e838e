package dev.parley.core.llm;

import dev.parley.core.plugin.PluginFailure;
import java.util.Optional;

/**
 * What a guarded generator call produced: the generated text, or why there is none.
 *
 * @param text the generated text, if the model answered with some
 * @param failure why the call produced nothing usable ({@code timeout}, {@code circuit_open},
 *     {@code bulkhead_full}, {@code error}), if it failed
 */
public record LlmOutcome(Optional<String> text, Optional<String> failure) {

  /** Failure reason: the model did not answer in time. */
  public static final String TIMEOUT = PluginFailure.TIMEOUT;

  /** Failure reason: the bot's circuit is open after repeated failures. */
  public static final String CIRCUIT_OPEN = PluginFailure.CIRCUIT_OPEN;

  /** Failure reason: too many LLM calls of the tenant (or the server) in flight. */
  public static final String BULKHEAD_FULL = PluginFailure.BULKHEAD_FULL;

  /** Failure reason: the model failed (HTTP error, unreadable answer, unreachable). */
  public static final String ERROR = PluginFailure.ERROR;

  /** The model answered (possibly with nothing). */
  public static LlmOutcome answered(Optional<String> text) {
    return new LlmOutcome(text, Optional.empty());
  }

  /** The call failed. */
  public static LlmOutcome failed(String reason) {
    return new LlmOutcome(Optional.empty(), Optional.of(reason));
  }
}
