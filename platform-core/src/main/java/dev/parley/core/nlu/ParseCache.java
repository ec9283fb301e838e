package dev.parley.core.nlu;

import dev.parley.core.cluster.CacheNode;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;

/**
 * Parse results in Infinispan per (bot, model version, normalised text), for a configured time
 * ({@code parley.nlu.cache.ttl.seconds}, default 60; 0 turns the cache off). The model version is
 * part of the key, so a new version never serves the results of the old one. Each server keeps its
 * own entries (any server can recompute them).
 */
@ApplicationScoped
public class ParseCache {

  static final String CACHE_NAME = "nlu-parses";

  private Optional<Cache<String, ParseResult>> cache = Optional.empty();

  /** For CDI proxies. */
  protected ParseCache() {}

  /** A cache on this server's Infinispan node with the configured lifetime and size. */
  @Inject
  public ParseCache(
      CacheNode node,
      @ConfigProperty(name = "parley.nlu.cache.ttl.seconds", defaultValue = "60") long ttlSeconds,
      @ConfigProperty(name = "parley.nlu.cache.max.entries", defaultValue = "100000")
          long maxEntries) {
    if (ttlSeconds > 0) {
      ConfigurationBuilder config = new ConfigurationBuilder();
      config.memory().maxCount(maxEntries);
      config.expiration().lifespan(ttlSeconds, TimeUnit.SECONDS);
      cache = Optional.of(node.nodeLocalCache(CACHE_NAME, config));
    }
  }

  /** Whether results are cached at all. */
  public boolean enabled() {
    return cache.isPresent();
  }

  /** The cached result of this text for this version, adjusted to the text as sent. */
  public Optional<ParseResult> get(String tenant, String bot, int version, String text) {
    return cache
        .flatMap(c -> Optional.ofNullable(c.get(ParseCacheKey.of(tenant, bot, version, text))))
        .map(cached -> cached.text().equals(text) ? cached : adjusted(cached, text));
  }

  /** Caches a result of this version. */
  public void put(String tenant, String bot, int version, ParseResult result) {
    cache.ifPresent(c -> c.put(ParseCacheKey.of(tenant, bot, version, result.text()), result));
  }

  /**
   * The result for a text that differs from the cached one only in case or whitespace: the entity
   * values taken verbatim from the text follow the new text (offsets are the same).
   */
  private static ParseResult adjusted(ParseResult cached, String text) {
    List<Entity> entities =
        cached.entities().stream()
            .map(
                e -> {
                  boolean verbatim =
                      e.end() <= cached.text().length()
                          && e.start() >= 0
                          && e.start() <= e.end()
                          && cached.text().substring(e.start(), e.end()).equals(e.value());
                  return verbatim
                      ? new Entity(
                          e.entity(),
                          text.substring(e.start(), e.end()),
                          e.start(),
                          e.end(),
                          e.confidenceEntity(),
                          e.extractor(),
                          e.role(),
                          e.group(),
                          e.processors())
                      : e;
                })
            .toList();
    return new ParseResult(
        text,
        cached.intent(),
        cached.intentRanking(),
        entities,
        cached.responseSelector(),
        cached.decision());
  }
}
