package dev.parley.core.rest.channel;

import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredChannel;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.OutgoingMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's channels: every {@link dev.parley.plugin.channel.ChannelFactory} the {@link
 * PluginRegistry} found (the built-in channel plugins and those in the plugin folder's jars), each
 * created once with a {@link ChannelHost} that runs its turns through {@link ChannelTurnGateway}. A
 * channel whose factory fails is left out, with the failure and its jar in the log; the others
 * serve. Closed when the application stops.
 */
@ApplicationScoped
public class ChannelPlugins {

  private static final Logger LOG = Logger.getLogger(ChannelPlugins.class.getName());

  private ChannelTurnGateway gateway;
  private PluginRegistry registry;
  private Map<String, Channel> channels;

  /** For CDI proxies. */
  protected ChannelPlugins() {}

  /** Wires the gateway the channels' turns go through and the registry of channel factories. */
  @Inject
  public ChannelPlugins(ChannelTurnGateway gateway, PluginRegistry registry) {
    this.gateway = gateway;
    this.registry = registry;
  }

  /** The channels by id, created on first use. */
  public synchronized Map<String, Channel> all() {
    if (channels == null) {
      Map<String, Channel> found = new LinkedHashMap<>();
      for (RegisteredChannel registered : registry.channels()) {
        create(registered).ifPresent(channel -> found.put(registered.id(), channel));
      }
      channels = Collections.unmodifiableMap(found);
    }
    return channels;
  }

  private Optional<Channel> create(RegisteredChannel registered) {
    String id = registered.id();
    try {
      Channel channel = registered.factory().create(host(id));
      LOG.info(
          () ->
              "Channel "
                  + id
                  + " "
                  + registered.factory().version()
                  + " from "
                  + registered.source()
                  + " is available");
      return Optional.of(channel);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(
          Level.SEVERE,
          "Channel " + id + " from " + registered.source() + " failed to start and is off",
          e);
      return Optional.empty();
    }
  }

  /** The channel of that id, if the server has it. */
  public Optional<Channel> find(String id) {
    return Optional.ofNullable(all().get(id));
  }

  private ChannelHost host(String channel) {
    return (bot, turn) -> {
      try {
        CompletionStage<List<OutgoingMessage>> done =
            CompletableFuture.completedFuture(gateway.run(channel, bot, turn));
        return done;
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }

  @PreDestroy
  synchronized void close() {
    if (channels == null) {
      return;
    }
    channels.forEach(
        (id, channel) -> {
          try {
            channel.close();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "channel " + id + " failed to close", e);
          }
        });
  }
}
