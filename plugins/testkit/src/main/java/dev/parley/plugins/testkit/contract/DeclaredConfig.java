package dev.parley.plugins.testkit.contract;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration that behaves as the server's: the declared defaults overridden by given values,
 * and getters that throw {@link PluginException} for keys the plugin did not declare.
 */
final class DeclaredConfig implements PluginConfig {

  private final Map<String, ConfigProperty> declared = new LinkedHashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  DeclaredConfig(List<ConfigProperty> properties, Map<String, Object> settings) {
    properties.forEach(property -> declared.put(property.name(), property));
    settings
        .keySet()
        .forEach(
            name -> {
              if (!declared.containsKey(name)) {
                throw new IllegalArgumentException(
                    "the test sets '" + name + "', which the plugin does not declare");
              }
            });
    for (ConfigProperty property : properties) {
      Object value = settings.getOrDefault(property.name(), property.defaultValue());
      if (value != null) {
        values.put(property.name(), value);
      }
    }
  }

  @Override
  public Optional<Object> get(String name) {
    if (!declared.containsKey(name)) {
      throw new PluginException("configuration '" + name + "' is not declared by the plugin");
    }
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
    return get(name).map(value -> (List<String>) value).orElse(List.of());
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> shown = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> shown.put(name, declared.get(name).secret() ? "******" : value));
    return shown;
  }

  private Object require(String name) {
    return get(name)
        .orElseThrow(() -> new PluginException("configuration '" + name + "' has no value"));
  }
}
