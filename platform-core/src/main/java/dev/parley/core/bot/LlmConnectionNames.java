package dev.parley.core.bot;

import java.util.Locale;

/**
 * The configuration names of LLM connections. A connection {@code c} is configured server-wide as
 * {@code parley.llm.c.base-url}, {@code parley.llm.c.model} and {@code parley.llm.c.api-key}
 * (environment: {@code PARLEY_LLM_C_BASE_URL} …), or for one tenant {@code t} as {@code
 * parley.tenant.t.llm.c.base-url} … ({@code PARLEY_TENANT_T_LLM_C_BASE_URL} …), which then wins.
 */
public final class LlmConnectionNames {

  private LlmConnectionNames() {}

  /** The server-wide property prefix of a connection. */
  public static String serverPrefix(String connection) {
    return "parley.llm." + connection + ".";
  }

  /** The tenant's property prefix of a connection. */
  public static String tenantPrefix(String tenant, String connection) {
    return "parley.tenant." + tenant + ".llm." + connection + ".";
  }

  /** The environment-variable prefix of the server-wide connection. */
  public static String environmentPrefix(String connection) {
    return serverPrefix(connection).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
