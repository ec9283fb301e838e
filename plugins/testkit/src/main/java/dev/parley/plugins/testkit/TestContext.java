package dev.parley.plugins.testkit;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.Domain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plugin context whose configuration is the declared defaults overridden by given values. */
public record TestContext(PluginConfig config, String language, Domain domain, String botName)
    implements PluginContext {

  /** A context for a factory's declarations with some values overridden. */
  public static TestContext of(
      List<ConfigProperty> declared, Map<String, Object> overrides, Domain domain) {
    Map<String, Object> values = new HashMap<>();
    for (ConfigProperty property : declared) {
      if (property.defaultValue() != null) {
        values.put(property.name(), property.defaultValue());
      }
    }
    values.putAll(overrides);
    return new TestContext(new MapConfig(values), "en", domain, "test/bot");
  }

  private record MapConfig(Map<String, Object> values) implements PluginConfig {
    @Override
    public Optional<Object> get(String name) {
      return Optional.ofNullable(values.get(name));
    }

    @Override
    public Optional<String> getString(String name) {
      return get(name).map(String::valueOf);
    }

    @Override
    public long getLong(String name) {
      return ((Number) require(name)).longValue();
    }

    @Override
    public double getDouble(String name) {
      return ((Number) require(name)).doubleValue();
    }

    @Override
    public boolean getBoolean(String name) {
      return (Boolean) require(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> getList(String name) {
      return get(name).map(v -> (List<String>) v).orElse(List.of());
    }

    @Override
    public Map<String, Object> describe() {
      return values;
    }

    private Object require(String name) {
      return get(name).orElseThrow(() -> new PluginException("no value for " + name));
    }
  }
}
