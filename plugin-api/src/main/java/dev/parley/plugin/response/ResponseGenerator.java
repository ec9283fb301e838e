package dev.parley.plugin.response;

import java.util.Optional;

/**
 * Phrases a chosen response. The core guards every call (timeout, circuit breaker, bulkhead),
 * checks the generated text against what the dialogue policy required, and falls back to the
 * template text when the generator fails, is too slow, returns nothing or says the wrong thing.
 * Implementations must be thread-safe: one instance serves all conversations of a bot.
 */
public interface ResponseGenerator {

  /**
   * The text to send instead of the template, or empty to keep the template.
   *
   * @throws dev.parley.plugin.PluginException when the model cannot be reached or answers something
   *     unusable
   */
  Optional<String> generate(ResponseRequest request);
}
