package dev.parley.plugins.llm;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginException;
import java.time.Duration;
import java.util.List;

/**
 * The settings both generators share. {@code base_url}, {@code model} and {@code api_key} come from
 * the server's configuration of the bot's connection (never from bot files); the rest from the
 * bot's {@code parley.generator} section.
 */
final class ConnectionProperties {

  static final String BASE_URL = "base_url";
  static final String MODEL = "model";
  static final String API_KEY = "api_key";
  static final String TEMPERATURE = "temperature";
  static final String MAX_TOKENS = "max_tokens";
  static final String TIMEOUT_MS = "timeout_ms";

  private ConnectionProperties() {}

  static List<ConfigProperty> declarations() {
    return List.of(
        ConfigProperty.string(BASE_URL, null, "Endpoint of the model server").asRequired(),
        ConfigProperty.string(MODEL, null, "Model name").asRequired(),
        ConfigProperty.string(API_KEY, null, "API key, if the server needs one").asSecret(),
        ConfigProperty.number(TEMPERATURE, 0.3, "Sampling temperature"),
        ConfigProperty.integer(MAX_TOKENS, 200, "Longest reply, in tokens"),
        ConfigProperty.integer(TIMEOUT_MS, 1500, "HTTP timeout of one call, in milliseconds"));
  }

  static String baseUrl(PluginConfig config) {
    return config
        .getString(BASE_URL)
        .filter(url -> url.startsWith("http://") || url.startsWith("https://"))
        .orElseThrow(() -> new PluginException("base_url must be an http(s) URL"));
  }

  static String model(PluginConfig config) {
    return config
        .getString(MODEL)
        .filter(name -> !name.isBlank())
        .orElseThrow(() -> new PluginException("model must name the model to use"));
  }

  static Duration timeout(PluginConfig config) {
    long millis = config.getLong(TIMEOUT_MS);
    if (millis <= 0) {
      throw new PluginException("timeout_ms must be positive");
    }
    return Duration.ofMillis(millis);
  }

  static int maxTokens(PluginConfig config) {
    long tokens = config.getLong(MAX_TOKENS);
    if (tokens <= 0 || tokens > 100_000) {
      throw new PluginException("max_tokens must be between 1 and 100000");
    }
    return (int) tokens;
  }
}
