package dev.parley.core.plugin;

import dev.parley.plugin.PluginFactory;
import dev.parley.plugin.PluginKind;

/**
 * A discovered plugin factory and where it came from.
 *
 * @param factory the factory
 * @param kind its extension point
 * @param source the jar it was loaded from ({@code built-in:<jar>} for the server's own)
 */
public record RegisteredPlugin(PluginFactory<?> factory, PluginKind kind, String source) {

  /** The plugin's id. */
  public String id() {
    return factory.id();
  }
}
