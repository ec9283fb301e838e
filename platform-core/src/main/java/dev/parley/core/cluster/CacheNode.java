package dev.parley.core.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/**
 * This server's embedded Infinispan: local, or a member of a cluster over a JGroups TCP stack (no
 * multicast) whose members are listed or found in DNS ({@link JGroupsStack}). In a cluster the
 * tracker cache runs in {@code INVALIDATION_SYNC} mode — every server keeps its own trackers and a
 * write on one server removes the entry on the others before the turn returns, so no server serves
 * a stale tracker — and conversation leases live in a replicated cache ({@link
 * ConversationLeases}).
 */
@ApplicationScoped
public class CacheNode {

  private static final Logger LOG = Logger.getLogger(CacheNode.class.getName());
  private static final String CLUSTER = "parley";

  private DefaultCacheManager manager;
  private boolean clustered;
  private Optional<Path> stackFile = Optional.empty();

  /** For CDI proxies. */
  protected CacheNode() {}

  /** Starts the cache manager, joining the cluster if one is configured. */
  @Inject
  public CacheNode(ClusterSettings settings) {
    GlobalConfigurationBuilder global;
    if (settings.bind().isPresent()) {
      ClusterSettings.Member bind = settings.bind().get();
      stackFile = Optional.of(writeStack(settings));
      global = GlobalConfigurationBuilder.defaultClusteredBuilder();
      global
          .transport()
          .clusterName(CLUSTER)
          .nodeName(bind.toString())
          .addProperty("configurationFile", stackFile.get().toString());
      clustered = true;
      LOG.info(
          () ->
              "Joining cluster '"
                  + CLUSTER
                  + "' as "
                  + bind
                  + (settings.discovery() instanceof ClusterSettings.Discovery.Dns dns
                      ? " with the members found in DNS as " + dns.name()
                      : " with members " + settings.members()));
    } else {
      global = new GlobalConfigurationBuilder().nonClusteredDefault();
    }
    global.jmx().enabled(false);
    manager = new DefaultCacheManager(global.build());
  }

  /** Whether this server is a cluster member. */
  public boolean clustered() {
    return clustered;
  }

  /** Defines (once) and returns a cache of conversation data kept on each server. */
  public <V> org.infinispan.Cache<String, V> localDataCache(
      String name, ConfigurationBuilder base) {
    if (clustered) {
      base.clustering().cacheMode(CacheMode.INVALIDATION_SYNC);
    }
    if (manager.getCacheConfiguration(name) == null) {
      manager.defineConfiguration(name, base.build());
    }
    return manager.getCache(name);
  }

  /**
   * Defines (once) and returns a cache this server keeps to itself, also in a cluster: for values
   * any server can recompute and whose keys never go stale (e.g. parse results per model version).
   */
  public <V> org.infinispan.Cache<String, V> nodeLocalCache(
      String name, ConfigurationBuilder base) {
    base.clustering().cacheMode(CacheMode.LOCAL);
    manager.defineConfiguration(name, base.build());
    return manager.getCache(name);
  }

  /** Defines (once) and returns a cache with the given configuration as it is. */
  <V> org.infinispan.Cache<String, V> definedCache(String name, ConfigurationBuilder config) {
    if (manager.getCacheConfiguration(name) == null) {
      manager.defineConfiguration(name, config.build());
    }
    return manager.getCache(name);
  }

  /** Defines (once) and returns a cache every member holds in full, written synchronously. */
  public <V> org.infinispan.Cache<String, V> replicatedCache(String name) {
    ConfigurationBuilder config = new ConfigurationBuilder();
    if (clustered) {
      config.clustering().cacheMode(CacheMode.REPL_SYNC);
    }
    if (manager.getCacheConfiguration(name) == null) {
      manager.defineConfiguration(name, config.build());
    }
    return manager.getCache(name);
  }

  /** The cluster's current members as seen by this server (itself only when not clustered). */
  public java.util.List<String> members() {
    return clustered
        ? manager.getMembers().stream().map(Object::toString).toList()
        : java.util.List.of("local");
  }

  /**
   * Calls {@code left} with the names of the members that left whenever the cluster's view changes
   * (a server stopped, crashed or was cut off); never without a cluster.
   */
  public void onMembersLeft(java.util.function.Consumer<java.util.Set<String>> left) {
    if (clustered) {
      manager.addListener(new MembersLeftListener(left));
    }
  }

  /** Reports the members missing from each new view. */
  @org.infinispan.notifications.Listener(sync = false)
  public static final class MembersLeftListener {
    private final java.util.function.Consumer<java.util.Set<String>> left;

    MembersLeftListener(java.util.function.Consumer<java.util.Set<String>> left) {
      this.left = left;
    }

    /** Called by Infinispan on a view change. */
    @org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged
    public void viewChanged(
        org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent event) {
      java.util.Set<String> gone = new java.util.HashSet<>();
      event.getOldMembers().forEach(member -> gone.add(member.toString()));
      event.getNewMembers().forEach(member -> gone.remove(member.toString()));
      if (!gone.isEmpty()) {
        left.accept(gone);
      }
    }
  }

  /**
   * The JGroups channel Infinispan's transport runs on, for {@link MemberRequests}; empty without a
   * cluster.
   */
  Optional<org.jgroups.JChannel> jgroupsChannel() {
    if (!clustered) {
      return Optional.empty();
    }
    var transport =
        org.infinispan.factories.GlobalComponentRegistry.componentOf(
            manager, org.infinispan.remoting.transport.Transport.class);
    return Optional.of(
        ((org.infinispan.remoting.transport.jgroups.JGroupsTransport) transport).getChannel());
  }

  /** This server's name in the cluster. */
  public String nodeName() {
    return clustered ? String.valueOf(manager.getAddress()) : "local";
  }

  /** Stops the cache manager (leaving the cluster). */
  @PreDestroy
  public void close() {
    if (manager != null) {
      manager.stop();
    }
    stackFile.ifPresent(
        file -> {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            // a temporary file; nothing to do
          }
        });
  }

  /** Writes this member's JGroups stack to a temporary file. */
  private static Path writeStack(ClusterSettings settings) {
    String xml = JGroupsStack.xml(settings);
    try {
      Path file = Files.createTempFile("parley-jgroups-", ".xml");
      Files.writeString(file, xml, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JGroups stack", e);
    }
  }
}
