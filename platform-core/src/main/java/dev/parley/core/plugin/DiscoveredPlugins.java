package dev.parley.core.plugin;

import java.util.List;

/**
 * What one discovery found, through one class loader: the pipeline plugins and the channels.
 *
 * @param plugins the plugin factories of every {@link dev.parley.plugin.PluginKind}
 * @param channels the channel factories
 */
record DiscoveredPlugins(List<RegisteredPlugin> plugins, List<RegisteredChannel> channels) {

  DiscoveredPlugins {
    plugins = List.copyOf(plugins);
    channels = List.copyOf(channels);
  }
}
