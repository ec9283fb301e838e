package dev.parley.core.plugin;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plugin's configuration checked against its declarations, with defaults filled in. */
public final class ValidatedPluginConfig implements PluginConfig {

  private final Map<String, ConfigProperty> declared;
  private final Map<String, Object> values;

  ValidatedPluginConfig(Map<String, ConfigProperty> declared, Map<String, Object> values) {
    this.declared = declared;
    this.values = values;
  }

  @Override
  public Optional<Object> get(String name) {
    checkDeclared(name);
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

  private void checkDeclared(String name) {
    if (!declared.containsKey(name)) {
      throw new PluginException("configuration '" + name + "' is not declared by the plugin");
    }
  }
}
