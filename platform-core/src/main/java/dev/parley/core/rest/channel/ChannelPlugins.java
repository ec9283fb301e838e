package dev.parley.core.rest.channel;

import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredChannel;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.OutgoingMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The server's channels: every {@link dev.parley.plugin.channel.ChannelFactory} the {@link
 * PluginRegistry} found (the built-in channel plugins and those in the plugin folder's jars), each
 * created once with a {@link ChannelHost} that runs its turns through {@link ChannelTurnGateway}. A
 * channel whose factory fails is left out, with the failure and its jar in the log; so is a
 * third-party channel whose socket paths leave the channels' space ({@link ChannelPathRule}). The
 * others serve. Closed when the application stops.
 */
@ApplicationScoped
public class ChannelPlugins {

  private static final Logger LOG = Logger.getLogger(ChannelPlugins.class.getName());

  private ChannelTurnGateway gateway;
  private PluginRegistry registry;
  private Map<String, Channel> channels;
  private List<InstalledChannel> installed;
  private Set<String> rootSegments;

  /** For CDI proxies. */
  protected ChannelPlugins() {}

  /** Wires the gateway the channels' turns go through and the registry of channel factories. */
  @Inject
  public ChannelPlugins(ChannelTurnGateway gateway, PluginRegistry registry) {
    this.gateway = gateway;
    this.registry = registry;
  }

  /** The channels that serve, by id, created on first use. */
  public synchronized Map<String, Channel> all() {
    if (channels == null) {
      start();
    }
    return channels;
  }

  /** Every channel the registry found, in its order, with its paths or why it is off. */
  public synchronized List<InstalledChannel> installed() {
    all();
    return installed;
  }

  /**
   * The first segments of the serving channels' socket paths, which the server maps at its root.
   */
  public synchronized Set<String> rootSegments() {
    all();
    return rootSegments;
  }

  private void start() {
    Map<String, Channel> serving = new LinkedHashMap<>();
    List<InstalledChannel> listed = new ArrayList<>();
    Set<String> roots = new LinkedHashSet<>();
    for (RegisteredChannel registered : registry.channels()) {
      listed.add(start(registered, serving, roots));
    }
    channels = Collections.unmodifiableMap(serving);
    installed = List.copyOf(listed);
    rootSegments = Collections.unmodifiableSet(roots);
  }

  private InstalledChannel start(
      RegisteredChannel registered, Map<String, Channel> serving, Set<String> roots) {
    String id = registered.id();
    Channel channel;
    List<String> socketPaths;
    try {
      channel = registered.factory().create(host(id));
      socketPaths = List.copyOf(channel.socketPaths());
    } catch (RuntimeException | LinkageError e) {
      LOG.log(
          Level.SEVERE,
          "Channel " + id + " from " + registered.source() + " failed to start and is off",
          e);
      return InstalledChannel.off(registered, "failed to start: " + e);
    }
    Set<String> lowerCaseRoots =
        roots.stream().map(root -> root.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Optional<String> refusal =
        registered.builtIn()
            ? Optional.empty()
            : ChannelPathRule.refusal(socketPaths, lowerCaseRoots);
    if (refusal.isPresent()) {
      LOG.severe(
          () ->
              "Channel "
                  + id
                  + " from "
                  + registered.source()
                  + " "
                  + refusal.get()
                  + ": a third-party channel serves only below its own paths; it is off");
      close(id, channel);
      return InstalledChannel.off(registered, refusal.get());
    }
    socketPaths.forEach(path -> roots.add(ChannelPaths.firstSegment(path)));
    serving.put(id, channel);
    LOG.info(
        () ->
            "Channel "
                + id
                + " "
                + registered.factory().version()
                + " from "
                + registered.source()
                + " is available");
    return InstalledChannel.available(registered, ChannelPaths.served(id, socketPaths));
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
    channels.forEach(ChannelPlugins::close);
  }

  private static void close(String id, Channel channel) {
    try {
      channel.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "channel " + id + " failed to close", e);
    }
  }
}
