package dev.parley.core.tracker;

import dev.parley.core.config.ServerSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;

/**
 * Trackers kept in an embedded Infinispan cache in front of the store: read-through on a miss, and
 * replaced with the new tracker in the turn that appended to it. Local by default, and in memory
 * only: no cache store and no global state, so decrypted conversations never reach a file.
 */
@ApplicationScoped
public class TrackerCache {

  private static final String CACHE_NAME = "trackers";

  private DefaultCacheManager manager;
  private Cache<ConversationKey, Tracker> cache;

  /** For CDI proxies. */
  protected TrackerCache() {}

  /** Starts the cache manager with the configured size and idle expiry. */
  @Inject
  public TrackerCache(ServerSettings settings) {
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
    global.jmx().enabled(false);
    manager = new DefaultCacheManager(global.build());
    ConfigurationBuilder config = new ConfigurationBuilder();
    config.memory().maxCount(settings.trackerCacheMaxEntries());
    config.expiration().maxIdle(settings.trackerCacheIdleMinutes(), TimeUnit.MINUTES);
    manager.defineConfiguration(CACHE_NAME, config.build());
    cache = manager.getCache(CACHE_NAME);
  }

  /** The cached tracker, if present. */
  public Optional<Tracker> get(ConversationKey key) {
    return Optional.ofNullable(cache.get(key));
  }

  /** Caches the tracker after a successful turn. */
  public void put(Tracker tracker) {
    cache.put(tracker.key(), tracker);
  }

  /** Forgets a conversation (after an erase or a failed write). */
  public void evict(ConversationKey key) {
    cache.remove(key);
  }

  /** Forgets every conversation of a bot (after its model changed slots). */
  public void evictBot(String tenant, String bot) {
    cache.keySet().removeIf(key -> key.tenant().equals(tenant) && key.bot().equals(bot));
  }

  /** Whether nothing of the cache is written to disk (no cache store, no global state). */
  boolean inMemoryOnly() {
    return cache.getCacheConfiguration().persistence().stores().isEmpty()
        && !manager.getCacheManagerConfiguration().globalState().enabled();
  }

  @PreDestroy
  void stop() {
    if (manager != null) {
      manager.stop();
    }
  }
}
