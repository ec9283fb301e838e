package dev.parley.core.llm;

import dev.parley.core.bot.LlmConnectionLookup;
import dev.parley.core.bot.LlmConnectionNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * LLM connections from MicroProfile Config (environment variables, server variables or a config
 * file outside the repository). A tenant's own connection of that name wins over the server-wide
 * one, as a whole: a tenant's endpoint never receives the server's API key.
 */
@ApplicationScoped
public class LlmConnections implements LlmConnectionLookup {

  private Config config;

  /** For CDI proxies. */
  protected LlmConnections() {}

  /** Reads from the application's configuration. */
  @Inject
  public LlmConnections(Config config) {
    this.config = config;
  }

  @Override
  public Optional<Map<String, Object>> find(String tenant, String connection) {
    return read(LlmConnectionNames.tenantPrefix(tenant, connection))
        .or(() -> read(LlmConnectionNames.serverPrefix(connection)));
  }

  private Optional<Map<String, Object>> read(String prefix) {
    Optional<String> baseUrl = value(prefix + "base-url");
    if (baseUrl.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("base_url", baseUrl.get());
    value(prefix + "model").ifPresent(model -> settings.put("model", model));
    value(prefix + "api-key").ifPresent(key -> settings.put("api_key", key));
    return Optional.of(settings);
  }

  private Optional<String> value(String name) {
    return config.getOptionalValue(name, String.class).filter(text -> !text.isBlank());
  }
}
