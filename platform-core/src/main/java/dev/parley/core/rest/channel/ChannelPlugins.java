package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.OutgoingMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's channels: every {@link ChannelFactory} on the application's class path (the built-in
 * channel plugins), each created once with a {@link ChannelHost} that runs its turns through {@link
 * ChannelTurnGateway}. Closed when the application stops.
 */
@ApplicationScoped
public class ChannelPlugins {

  private static final Logger LOG = Logger.getLogger(ChannelPlugins.class.getName());

  private ChannelTurnGateway gateway;
  private Map<String, Channel> channels;

  /** For CDI proxies. */
  protected ChannelPlugins() {}

  /** Wires the gateway the channels' turns go through. */
  @Inject
  public ChannelPlugins(ChannelTurnGateway gateway) {
    this.gateway = gateway;
  }

  /** The channels by id, created on first use. */
  public synchronized Map<String, Channel> all() {
    if (channels == null) {
      Map<String, Channel> found = new LinkedHashMap<>();
      for (ChannelFactory factory :
          ServiceLoader.load(ChannelFactory.class, ChannelPlugins.class.getClassLoader())) {
        found.put(factory.id(), factory.create(host(factory.id())));
        LOG.info(() -> "Channel " + factory.id() + " " + factory.version() + " is available");
      }
      channels = Map.copyOf(found);
    }
    return channels;
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
