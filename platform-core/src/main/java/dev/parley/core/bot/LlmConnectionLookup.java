package dev.parley.core.bot;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the server-side settings of a named LLM connection for a tenant ({@code base_url}, {@code
 * model} and, if any, {@code api_key}), which bot files never contain.
 */
@FunctionalInterface
public interface LlmConnectionLookup {

  /** A lookup that knows no connection. */
  LlmConnectionLookup NONE = (tenant, connection) -> Optional.empty();

  /** The connection's settings as generator plugin parameters, if configured. */
  Optional<Map<String, Object>> find(String tenant, String connection);
}
