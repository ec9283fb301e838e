package dev.parley.core.tracker;

import dev.parley.plugin.bot.SlotDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations as a repository: loads a tracker from the cache, else from its latest snapshot and
 * the events after it; saves a turn's new events in one append, evicting the cached copy when the
 * append fails, then compacts long trackers into a snapshot and caches the result. Counts loads by
 * source and snapshots per tenant. Callers hold the conversation's lock around a load and its save.
 */
@ApplicationScoped
public class ConversationRepository {

  private TrackerStore store;
  private TrackerCache cache;
  private TrackerSnapshots snapshots;

  /** For CDI proxies. */
  protected ConversationRepository() {}

  /**
   * Wires the store (the truth), the cache in front of it and the snapshot policy.
   *
   * @param store where event logs are kept
   * @param cache trackers in memory, clustered when there are several servers
   * @param snapshots when long trackers are compacted
   */
  @Inject
  public ConversationRepository(
      TrackerStore store, TrackerCache cache, TrackerSnapshots snapshots) {
    this.store = store;
    this.cache = cache;
    this.snapshots = snapshots;
  }

  /**
   * The conversation's current tracker (read-only use): from the cache, else from the store (its
   * latest snapshot and the events after it). A cached tracker that is behind the store (another
   * server died between storing a turn and invalidating this server's copy) cannot store a turn:
   * its append collides with the stored events, the turn fails and the entry is evicted; the cache
   * is also cleared when a server leaves the cluster ({@link TrackerCache}).
   */
  public Tracker load(ConversationKey key, Map<String, SlotDefinition> slots) {
    long started = System.nanoTime();
    Optional<Tracker> cached = cache.get(key);
    if (cached.isPresent()) {
      cache.recordLoad("cache", System.nanoTime() - started);
      return cached.get();
    }
    StoredConversation stored = store.loadLatest(key);
    Tracker loaded =
        Tracker.fromSnapshot(key, slots, stored.baseSequence(), stored.snapshot(), stored.events());
    cache.recordLoad("store", System.nanoTime() - started);
    return loaded;
  }

  /** The conversation with every stored event, also those before its snapshot. */
  public Tracker loadFullHistory(ConversationKey key, Map<String, SlotDefinition> slots) {
    Tracker current = load(key, slots);
    if (current.baseSequence() == 0) {
      return current;
    }
    return Tracker.fromStored(key, slots, store.load(key));
  }

  /**
   * Stores the tracker's new events in one append and caches it (compacted when it has grown past
   * the snapshot limit). When the append fails, the cached copy is evicted, since it may be behind
   * the store, and the failure is rethrown.
   */
  public void save(Tracker tracker) {
    ConversationKey key = tracker.key();
    try {
      store.append(key, tracker.persistedCount(), tracker.unpersistedEvents());
    } catch (RuntimeException failed) {
      cache.evict(key);
      throw failed;
    }
    tracker.markPersisted();
    Tracker kept = snapshots.afterTurn(tracker, store);
    if (kept != tracker) {
      cache.recordSnapshot(key.tenant());
    }
    cache.put(kept);
  }

  /** Erases conversations from the store and the cache; how many existed. */
  public int deleteAll(java.util.Collection<ConversationKey> keys) {
    keys.forEach(cache::evict);
    return store.deleteAll(keys);
  }

  /** Erases a conversation from the store and the cache; whether it existed. */
  public boolean delete(ConversationKey key) {
    cache.evict(key);
    return store.delete(key);
  }
}
