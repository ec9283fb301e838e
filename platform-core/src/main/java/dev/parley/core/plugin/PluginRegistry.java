package dev.parley.core.plugin;

import dev.parley.core.config.ServerSettings;
import dev.parley.plugin.PluginKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every plugin the server knows, found once at start-up. Two plugins of one kind with the same id
 * stop the start with an error naming both jars: never a silent choice.
 */
@ApplicationScoped
public class PluginRegistry {

  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  private Map<String, RegisteredPlugin> plugins;

  /** For CDI proxies. */
  protected PluginRegistry() {}

  /** Discovers the plugins in the application and the configured plugin folder. */
  @Inject
  public PluginRegistry(ServerSettings settings) {
    this(PluginDiscovery.discover(settings.pluginDir()));
  }

  /** The built-in plugins plus the jars of a plugin folder, outside the server (tools, tests). */
  public static PluginRegistry withPluginFolder(java.nio.file.Path pluginDir) {
    return new PluginRegistry(PluginDiscovery.discover(pluginDir));
  }

  /** A registry of the given plugins (checked for duplicates). */
  public PluginRegistry(Collection<RegisteredPlugin> discovered) {
    Map<String, RegisteredPlugin> byKey = new LinkedHashMap<>();
    for (RegisteredPlugin plugin : discovered) {
      RegisteredPlugin previous = byKey.putIfAbsent(key(plugin.kind(), plugin.id()), plugin);
      if (previous != null) {
        throw new IllegalStateException(
            "Duplicate plugin id '"
                + plugin.id()
                + "' ("
                + plugin.kind()
                + ") in "
                + previous.source()
                + " and "
                + plugin.source());
      }
      LOG.info(
          () ->
              String.format(
                  "plugin %-36s %-18s %-14s %s",
                  plugin.id(), plugin.kind(), plugin.factory().version(), plugin.source()));
    }
    plugins = Collections.unmodifiableMap(byKey);
  }

  /** The plugin of that kind and id, if installed. */
  public Optional<RegisteredPlugin> find(PluginKind kind, String id) {
    return Optional.ofNullable(plugins.get(key(kind, id)));
  }

  /** The ids of the installed plugins of one kind, sorted. */
  public java.util.List<String> ids(PluginKind kind) {
    return plugins.values().stream()
        .filter(plugin -> plugin.factory().kind() == kind)
        .map(RegisteredPlugin::id)
        .sorted()
        .toList();
  }

  /** All plugins, in discovery order. */
  public Collection<RegisteredPlugin> all() {
    return plugins.values();
  }

  private static String key(PluginKind kind, String id) {
    return kind + "/" + id;
  }
}
