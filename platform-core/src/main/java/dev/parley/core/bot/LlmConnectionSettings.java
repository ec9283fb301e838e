package dev.parley.core.bot;

import dev.parley.core.bot.definition.ComponentConfig;
import java.util.Map;
import java.util.Optional;

/**
 * What the core adds to the settings of plugins that call an LLM: the server's settings of the
 * connection a bot names (bot files never contain them), and the timeout of the plugin's own HTTP
 * client, a little later than the core's deadline so that the core's deadline decides.
 */
final class LlmConnectionSettings {

  private static final long HTTP_GRACE_MILLIS = 500;

  private final LlmConnectionLookup lookup;

  LlmConnectionSettings(LlmConnectionLookup lookup) {
    this.lookup = lookup;
  }

  /**
   * The settings of the named connection for the assembly's tenant; otherwise an error on the
   * component saying how to configure it.
   */
  Optional<Map<String, Object>> find(
      Assembly assembly, ComponentConfig component, String connection) {
    Optional<Map<String, Object>> settings = lookup.find(assembly.tenant(), connection);
    if (settings.isEmpty()) {
      assembly.error(
          component,
          "the LLM connection '"
              + connection
              + "' is not configured on this server for tenant '"
              + assembly.tenant()
              + "': set "
              + LlmConnectionNames.environmentPrefix(connection)
              + "BASE_URL and ..._MODEL (see docs/configuration.md, LLM connections)");
    }
    return settings;
  }

  /** The {@code timeout_ms} of a plugin's HTTP client when the core waits {@code deadline}. */
  static long clientTimeoutMillis(long deadlineMillis) {
    return deadlineMillis + HTTP_GRACE_MILLIS;
  }
}
