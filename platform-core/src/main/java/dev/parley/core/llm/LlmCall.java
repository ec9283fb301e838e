package dev.parley.core.llm;

import dev.parley.plugin.response.ResponseGenerator;
import dev.parley.plugin.response.ResponseRequest;

/**
 * One guarded call of a bot's generator.
 *
 * @param tenant the tenant (its bulkhead)
 * @param bot the bot (its circuit breaker)
 * @param generator the worker to call
 * @param request what to phrase
 * @param timeoutMillis how long to wait for it
 */
public record LlmCall(
    String tenant,
    String bot,
    ResponseGenerator generator,
    ResponseRequest request,
    long timeoutMillis) {

  /** The circuit breaker's name. */
  public String botKey() {
    return tenant + "/" + bot;
  }
}
