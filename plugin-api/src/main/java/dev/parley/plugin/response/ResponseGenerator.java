package dev.parley.plugin.response;

import java.util.Optional;

/**
 * Phrases a chosen response. The core guards every call (timeout, circuit breaker) and falls back
 * to the template text when the generator fails or returns nothing.
 */
public interface ResponseGenerator {

  /** The text to send instead of the template, or empty to keep the template. */
  Optional<String> generate(ResponseRequest request);
}
