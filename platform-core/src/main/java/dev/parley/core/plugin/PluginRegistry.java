package dev.parley.core.plugin;

import dev.parley.core.config.ServerSettings;
import dev.parley.plugin.PluginKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every plugin the server knows, found once at start-up: the pipeline plugins by kind and id, and
 * the channel factories by id. Two plugins of one kind (or two channels) with the same id stop the
 * start with an error naming both jars: never a silent choice. So does a channel named like the
 * server's own REST channel.
 */
@ApplicationScoped
public class PluginRegistry {

  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  /** The id of the REST channel, which the server has without a plugin. */
  private static final String REST_CHANNEL = "rest";

  private static final String LOG_LINE = "plugin %-36s %-18s %-14s %s";

  private Map<String, RegisteredPlugin> plugins;
  private Map<String, RegisteredChannel> channels;

  /** For CDI proxies. */
  protected PluginRegistry() {}

  /** Discovers the plugins in the application and the configured plugin folder. */
  @Inject
  public PluginRegistry(ServerSettings settings) {
    this(PluginDiscovery.discover(settings.pluginDir()));
  }

  private PluginRegistry(DiscoveredPlugins discovered) {
    this(discovered.plugins(), discovered.channels());
  }

  /** The built-in plugins plus the jars of a plugin folder, outside the server (tools, tests). */
  public static PluginRegistry withPluginFolder(java.nio.file.Path pluginDir) {
    return new PluginRegistry(PluginDiscovery.discover(pluginDir));
  }

  /** A registry of the given plugins (checked for duplicates), without channels. */
  public PluginRegistry(Collection<RegisteredPlugin> discovered) {
    this(discovered, List.of());
  }

  /** A registry of the given plugins and channels (each checked for duplicates). */
  public PluginRegistry(
      Collection<RegisteredPlugin> discovered, Collection<RegisteredChannel> channels) {
    this.plugins = pluginsByKey(discovered);
    this.channels = channelsById(channels);
  }

  private static Map<String, RegisteredPlugin> pluginsByKey(
      Collection<RegisteredPlugin> discovered) {
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
                  LOG_LINE,
                  plugin.id(),
                  plugin.kind(),
                  plugin.factory().version(),
                  plugin.source()));
    }
    return Collections.unmodifiableMap(byKey);
  }

  private static Map<String, RegisteredChannel> channelsById(
      Collection<RegisteredChannel> discovered) {
    Map<String, RegisteredChannel> byId = new LinkedHashMap<>();
    for (RegisteredChannel channel : discovered) {
      if (channel.id().equals(REST_CHANNEL)) {
        throw new IllegalStateException(
            "Channel id '"
                + REST_CHANNEL
                + "' in "
                + channel.source()
                + " is the server's built-in REST channel: rename the channel");
      }
      RegisteredChannel previous = byId.putIfAbsent(channel.id(), channel);
      if (previous != null) {
        throw new IllegalStateException(
            "Duplicate channel id '"
                + channel.id()
                + "' in "
                + previous.source()
                + " and "
                + channel.source());
      }
      LOG.info(
          () ->
              String.format(
                  LOG_LINE,
                  channel.id(),
                  "CHANNEL",
                  channel.factory().version(),
                  channel.source()));
    }
    return Collections.unmodifiableMap(byId);
  }

  /** The plugin of that kind and id, if installed. */
  public Optional<RegisteredPlugin> find(PluginKind kind, String id) {
    return Optional.ofNullable(plugins.get(key(kind, id)));
  }

  /** The ids of the installed plugins of one kind, sorted. */
  public List<String> ids(PluginKind kind) {
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

  /** The channel factories, built-in ones first, each id once. */
  public Collection<RegisteredChannel> channels() {
    return channels.values();
  }

  private static String key(PluginKind kind, String id) {
    return kind + "/" + id;
  }
}
