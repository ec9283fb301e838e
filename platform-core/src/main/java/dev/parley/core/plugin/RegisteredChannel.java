package dev.parley.core.plugin;

import dev.parley.plugin.channel.ChannelFactory;

/**
 * A discovered channel factory and where it came from.
 *
 * @param factory the factory
 * @param source the jar it was loaded from ({@code built-in:<jar>} for the server's own)
 */
public record RegisteredChannel(ChannelFactory factory, String source) {

  /** The channel's id: its section in {@code credentials.yml} and its path segment. */
  public String id() {
    return factory.id();
  }

  /** Whether the channel is one of the server's own, not a jar from the plugin folder. */
  public boolean builtIn() {
    return source.startsWith(PluginDiscovery.BUILT_IN);
  }
}
