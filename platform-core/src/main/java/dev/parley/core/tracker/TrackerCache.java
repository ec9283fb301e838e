package dev.parley.core.tracker;

import dev.parley.core.cluster.CacheNode;
import dev.parley.core.cluster.ClusterSettings;
import dev.parley.core.cluster.KeyOwners;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.config.WarmUpTraffic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;

/**
 * Trackers kept in an embedded Infinispan cache in front of the store: read-through on a miss, and
 * replaced with the new tracker in the turn that appended to it. Local by default; in a cluster
 * each server keeps its own entries and a write on one server invalidates the others synchronously
 * ({@link CacheNode}), so a conversation that moves between servers is reloaded from the store
 * rather than served stale. In memory only: no cache store and no global state, so decrypted
 * conversations never reach a file (and in a cluster only keys travel, never trackers).
 */
@ApplicationScoped
public class TrackerCache {

  private static final String CACHE_NAME = "trackers";

  private Cache<String, CachedTracker> cache;
  private KeyOwners owners = KeyOwners.unrouted();
  private Optional<CacheNode> ownedNode = Optional.empty();
  private long idleMinutes;
  private boolean renewedByWrites;
  private Function<String, Optional<Long>> tenantIdleMinutes = tenant -> Optional.empty();
  private final Map<String, Long> idleByTenant = new ConcurrentHashMap<>();
  private Optional<MetricRegistry> metrics = Optional.empty();
  private final Map<String, Timer> loadTimers = new ConcurrentHashMap<>();

  /** For CDI proxies. */
  protected TrackerCache() {}

  /** A local cache with the configured size and idle expiry (tests, tools). */
  public TrackerCache(ServerSettings settings) {
    this(settings, new CacheNode(ClusterSettings.NONE), true);
  }

  /** The cache on this server's Infinispan node, without metrics or per-tenant expiry (tests). */
  public TrackerCache(ServerSettings settings, CacheNode node) {
    this(settings, node, false);
  }

  /** The cache on this server's Infinispan node, routed as {@code owners} says (tests). */
  public TrackerCache(ServerSettings settings, CacheNode node, KeyOwners owners) {
    this(settings, node, false);
    this.owners = owners;
  }

  /**
   * The cache on this server's Infinispan node, with the configured size and idle expiry (a
   * tenant's own {@code parley.tenant.<tenant>.tracker.cache.idle.minutes} wins), recording loads
   * in the metrics.
   */
  @Inject
  public TrackerCache(
      ServerSettings settings, CacheNode node, MetricRegistry metrics, KeyOwners owners) {
    this(settings, node);
    this.owners = owners;
    this.metrics = Optional.of(metrics);
    this.tenantIdleMinutes =
        tenant ->
            ConfigProvider.getConfig()
                .getOptionalValue(
                    "parley.tenant." + tenant + ".tracker.cache.idle.minutes", Long.class);
  }

  private TrackerCache(ServerSettings settings, CacheNode node, boolean owned) {
    ConfigurationBuilder config = new ConfigurationBuilder();
    config.memory().maxCount(settings.trackerCacheMaxEntries());
    if (node.clustered()) {
      // Idle expiry in a cluster would send a touch to the other servers on every read; trackers
      // are written on every turn, so a lifespan renewed by each write expires idle ones the same.
      config.expiration().lifespan(settings.trackerCacheIdleMinutes(), TimeUnit.MINUTES);
    } else {
      config.expiration().maxIdle(settings.trackerCacheIdleMinutes(), TimeUnit.MINUTES);
    }
    renewedByWrites = node.clustered();
    cache = node.localDataCache(CACHE_NAME, config);
    ownedNode = owned ? Optional.of(node) : Optional.empty();
    idleMinutes = settings.trackerCacheIdleMinutes();
    node.onMembersLeft(members -> forgetAllHere());
  }

  /**
   * The cached tracker, if present. When the cluster routes conversations to their owners, only the
   * owner reads its copy, and only if ownership has not moved since it was cached.
   */
  public Optional<Tracker> get(ConversationKey key) {
    String name = name(key);
    if (!owners.routed()) {
      return Optional.ofNullable(cache.get(name)).map(CachedTracker::tracker);
    }
    OptionalInt topology = owners.topologyIfOwnedHere(name);
    if (topology.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(cache.get(name))
        .filter(cached -> cached.topology() == topology.getAsInt())
        .map(CachedTracker::tracker);
  }

  /**
   * Caches the tracker after a successful turn, with its tenant's idle expiry. When the cluster
   * routes conversations to their owners, the owner keeps it to itself (no invalidation message); a
   * turn that ran elsewhere instead removes the copies on every member, its owner's included.
   */
  public void put(Tracker tracker) {
    String name = name(tracker.key());
    long idle =
        idleByTenant.computeIfAbsent(
            tracker.key().tenant(), tenant -> tenantIdleMinutes.apply(tenant).orElse(idleMinutes));
    if (owners.routed()) {
      OptionalInt topology = owners.topologyIfOwnedHere(name);
      if (topology.isPresent()) {
        cache
            .getAdvancedCache()
            .withFlags(org.infinispan.context.Flag.CACHE_MODE_LOCAL)
            .put(name, new CachedTracker(tracker, topology.getAsInt()), idle, TimeUnit.MINUTES);
      } else {
        // asynchronous: a member that died before the view says so must not hold up the turn;
        // until the removal arrives, the owner's topology stamp and the store's refusal of an
        // append that is not the next one keep its older copy from being stored over
        cache
            .getAdvancedCache()
            .withFlags(org.infinispan.context.Flag.FORCE_ASYNCHRONOUS)
            .remove(name);
      }
    } else if (renewedByWrites) {
      cache.put(name, new CachedTracker(tracker, 0), idle, TimeUnit.MINUTES);
    } else {
      cache.put(name, new CachedTracker(tracker, 0), -1, TimeUnit.MINUTES, idle, TimeUnit.MINUTES);
    }
  }

  /**
   * A cached tracker and the ownership it was cached under.
   *
   * @param tracker the tracker
   * @param topology {@link KeyOwners#topologyIfOwnedHere} when it was cached (0 when nothing is
   *     routed)
   */
  record CachedTracker(Tracker tracker, int topology) {}

  /**
   * Counts a snapshot taken, as {@code parley_tracker_snapshots_total{tenant}} (not for the
   * warm-up).
   */
  public void recordSnapshot(String tenant) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    metrics.ifPresent(
        registry ->
            registry.counter("parley_tracker_snapshots_total", new Tag("tenant", tenant)).inc());
  }

  /**
   * Records how long getting a tracker took and where it came from ({@code cache} or {@code
   * store}), as {@code parley_tracker_load_duration{source}} (not for the start-up warm-up).
   */
  public void recordLoad(String source, long nanos) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    metrics.ifPresent(
        registry ->
            loadTimers
                .computeIfAbsent(
                    source,
                    name -> registry.timer("parley_tracker_load_duration", new Tag("source", name)))
                .update(Duration.ofNanos(nanos)));
  }

  /** Forgets a conversation (after an erase or a failed write), on every server. */
  public void evict(ConversationKey key) {
    cache.remove(name(key));
  }

  /**
   * Forgets every tracker cached on this server. Called when a server leaves the cluster: it may
   * have stored a turn and died before invalidating the copies here.
   */
  public void forgetAllHere() {
    cache.getAdvancedCache().withFlags(org.infinispan.context.Flag.CACHE_MODE_LOCAL).clear();
  }

  /** Forgets every conversation of a bot (after its model changed slots). */
  public void evictBot(String tenant, String bot) {
    String prefix = tenant + "/" + bot + "/";
    cache.keySet().removeIf(key -> key.startsWith(prefix));
  }

  /** A conversation's cluster-wide name. */
  public static String name(ConversationKey key) {
    return key.tenant() + "/" + key.bot() + "/" + key.sender();
  }

  /** Whether nothing of the cache is written to disk (no cache store, no global state). */
  boolean inMemoryOnly() {
    return cache.getCacheConfiguration().persistence().stores().isEmpty()
        && !cache.getCacheManager().getCacheManagerConfiguration().globalState().enabled();
  }

  @PreDestroy
  void stop() {
    ownedNode.ifPresent(CacheNode::close);
  }
}
