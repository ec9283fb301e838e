package dev.parley.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's configuration after the core has validated it against the declared {@link
 * ConfigProperty} list and filled in defaults. Getters throw {@link PluginException} for keys that
 * were not declared.
 */
public interface PluginConfig {

  /** The value of a declared key, if it has one (given or default). */
  Optional<Object> get(String name);

  /** A declared string key, or empty. */
  Optional<String> getString(String name);

  /** A declared integer key; fails if it has no value. */
  long getLong(String name);

  /** A declared number key; fails if it has no value. */
  double getDouble(String name);

  /** A declared boolean key; fails if it has no value. */
  boolean getBoolean(String name);

  /** A declared list key; empty if absent. */
  List<String> getList(String name);

  /** Every key with a value, for diagnostics (secret values masked). */
  Map<String, Object> describe();
}
