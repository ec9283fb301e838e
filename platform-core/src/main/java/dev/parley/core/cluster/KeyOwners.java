package dev.parley.core.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.distribution.LocalizedCacheTopology;
import org.infinispan.remoting.transport.Address;

/**
 * Which member owns a key, when the cluster routes each conversation to one owner ({@code
 * PARLEY_CLUSTER_ROUTING=owner}, the default): the primary owner of the key in Infinispan's
 * consistent hash over the current members, taken from an empty distributed cache that exists only
 * for its hash. Each member publishes the base URL others reach its HTTP endpoint at ({@code
 * PARLEY_CLUSTER_HTTP_URL}, else {@code http://<bind host>:<PARLEY_HTTP_PORT>}) in a replicated
 * cache. The hash's topology id changes whenever ownership may have moved, so a member can tell
 * whether what it cached as owner is still its own. With {@code PARLEY_CLUSTER_ROUTING=lease}, or
 * without a cluster, nothing is routed: every member owns every key.
 */
@ApplicationScoped
public class KeyOwners {

  private static final Logger LOG = Logger.getLogger(KeyOwners.class.getName());
  private static final String HASH_CACHE = "conversation-owners";
  private static final String ENDPOINT_CACHE = "member-endpoints";

  private Optional<Cache<String, Boolean>> hash = Optional.empty();
  private Cache<String, String> endpoints;

  /** For CDI proxies; as an instance, routes nothing. */
  protected KeyOwners() {}

  /** No routing: every key is owned here (no cluster, lease routing, tests). */
  public static KeyOwners unrouted() {
    return new KeyOwners();
  }

  /** Routing by owner on this server's cache node, if the cluster is set to route by owner. */
  @Inject
  public KeyOwners(
      CacheNode node,
      ClusterSettings settings,
      @ConfigProperty(name = "parley.cluster.routing", defaultValue = "owner") String routing,
      @ConfigProperty(name = "parley.cluster.http.url") Optional<String> httpUrl,
      @ConfigProperty(name = "parley.http.port", defaultValue = "9080") int httpPort) {
    if (!node.clustered() || RoutingMode.parse(routing) != RoutingMode.OWNER) {
      return;
    }
    ConfigurationBuilder config = new ConfigurationBuilder();
    config.clustering().cacheMode(CacheMode.DIST_SYNC).hash().numOwners(1);
    hash = Optional.of(node.definedCache(HASH_CACHE, config));
    endpoints = node.replicatedCache(ENDPOINT_CACHE);
    String own =
        httpUrl
            .map(String::strip)
            .filter(url -> !url.isEmpty())
            .orElseGet(() -> "http://" + settings.bind().orElseThrow().host() + ":" + httpPort);
    endpoints.put(node.nodeName(), own);
    LOG.info(() -> "Routing each conversation to its owner; this member answers at " + own);
  }

  /**
   * Joins the ownership hash when the application starts, not at the first turn: a member that has
   * not joined owns nothing, and would be sent no turns.
   */
  void joinAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOG.fine(() -> "conversation ownership: " + (routed() ? "by owner" : "not routed"));
  }

  /** Whether conversations are routed to their owners. */
  public boolean routed() {
    return hash.isPresent();
  }

  /** Whether this member owns the key (always, when nothing is routed). */
  public boolean ownsHere(String key) {
    return hash.map(cache -> topology(cache).getDistribution(key).isPrimary()).orElse(true);
  }

  /**
   * The base URL of the member that owns the key, if that is another member whose address is known;
   * empty when this member owns it or nothing is routed.
   */
  public Optional<URI> remoteOwner(String key) {
    return remoteOwnerAddress(key)
        .flatMap(owner -> Optional.ofNullable(endpoints.get(owner.toString())))
        .map(URI::create);
  }

  /** The cluster address of the member that owns the key, if that is another member. */
  Optional<Address> remoteOwnerAddress(String key) {
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    var distribution = topology(hash.get()).getDistribution(key);
    return distribution.isPrimary()
        ? Optional.empty()
        : Optional.ofNullable(distribution.primary());
  }

  /**
   * The id of the ownership in force if this member owns the key, read from one view of the hash:
   * it changes whenever keys may have moved between members (0 when nothing is routed, where every
   * key is owned here); empty when another member owns the key.
   */
  public OptionalInt topologyIfOwnedHere(String key) {
    if (hash.isEmpty()) {
      return OptionalInt.of(0);
    }
    LocalizedCacheTopology current = topology(hash.get());
    return current.getDistribution(key).isPrimary()
        ? OptionalInt.of(current.getTopologyId())
        : OptionalInt.empty();
  }

  private static LocalizedCacheTopology topology(Cache<String, Boolean> cache) {
    return cache.getAdvancedCache().getDistributionManager().getCacheTopology();
  }

  /** How a cluster keeps one conversation's turns apart. */
  public enum RoutingMode {
    /** Each conversation's turns go to its owner, which keeps it cached; no lease per turn. */
    OWNER,
    /** Any member runs a turn under a cluster-wide lease; caches are invalidated on each turn. */
    LEASE;

    static RoutingMode parse(String text) {
      return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "owner" -> OWNER;
        case "lease" -> LEASE;
        default ->
            throw new IllegalArgumentException(
                "PARLEY_CLUSTER_ROUTING: '" + text + "' is neither 'owner' nor 'lease'");
      };
    }
  }
}
