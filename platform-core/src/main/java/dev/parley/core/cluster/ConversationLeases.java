package dev.parley.core.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;

/**
 * The cluster-wide half of the conversation lock: a lease in a replicated, synchronously written
 * Infinispan cache, taken with an atomic {@code putIfAbsent} and released only by its holder. A
 * lease has a lifespan, so one left by a crashed server expires on its own. Without a cluster every
 * lease is granted at once (the local lock already serialises the turns).
 */
@ApplicationScoped
public class ConversationLeases {

  private static final String CACHE = "conversation-leases";
  private static final long MAX_BACKOFF_MILLIS = 20;
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ConversationLeases.class.getName());

  private CacheNode node;
  private Cache<String, String> leases;
  private long leaseMillis;

  /** For CDI proxies; as an instance, grants every lease (no cluster). */
  protected ConversationLeases() {}

  /** Leases for a server without a cluster: always granted. */
  public static ConversationLeases local() {
    return new ConversationLeases();
  }

  /** Uses the node's replicated lease cache. */
  public ConversationLeases(CacheNode node, long leaseMillis) {
    this(node, leaseMillis, KeyOwners.unrouted());
  }

  /**
   * Uses the node's replicated lease cache, unless the cluster routes each conversation to its
   * owner ({@link KeyOwners}): then every lease is granted at once, since the owner's local lock
   * serialises the turns, and a turn that ran elsewhere (its owner unreachable) cannot store over
   * the owner's, as the store refuses an append that is not the next one.
   */
  @Inject
  public ConversationLeases(
      CacheNode node,
      @ConfigProperty(name = "parley.cluster.lease.ms", defaultValue = "30000") long leaseMillis,
      KeyOwners owners) {
    this.node = node;
    this.leaseMillis = leaseMillis;
    this.leases = node.clustered() && !owners.routed() ? node.replicatedCache(CACHE) : null;
    if (leases != null) {
      node.onMembersLeft(this::releaseLeasesOf);
    }
  }

  /**
   * Frees the leases of servers that left the cluster, so their conversations move on at once
   * rather than when the leases expire.
   */
  void releaseLeasesOf(java.util.Set<String> members) {
    leases
        .entrySet()
        .removeIf(
            lease ->
                members.stream().anyMatch(member -> lease.getValue().startsWith(member + "/")));
    LOG.info(() -> "Released the conversation leases of " + members + ", which left the cluster");
  }

  /**
   * Takes the conversation's lease, waiting at most {@code waitMillis}.
   *
   * @return the lease, or empty if another server held it all that time
   */
  public Optional<Lease> acquire(String conversation, long waitMillis) throws InterruptedException {
    if (leases == null) {
      return Optional.of(new Lease(conversation, ""));
    }
    String token = node.nodeName() + "/" + UUID.randomUUID();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    long backoff = 1;
    while (true) {
      String holder = leases.putIfAbsent(conversation, token, leaseMillis, TimeUnit.MILLISECONDS);
      if (holder == null) {
        return Optional.of(new Lease(conversation, token));
      }
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, backoff + 1));
      backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }
  }

  /** Gives a lease back (only if it is still the holder's). */
  public void release(Lease lease) {
    if (leases != null && !lease.token().isEmpty()) {
      leases.remove(lease.conversation(), lease.token());
    }
  }

  /**
   * A held lease.
   *
   * @param conversation the conversation's cluster-wide name
   * @param token the holder's token (empty without a cluster)
   */
  public record Lease(String conversation, String token) {}
}
