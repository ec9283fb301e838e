package dev.parley.core.nlu;

import dev.parley.core.config.WarmUpTraffic;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.NluDecision.StageVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * NLU metrics per bot: parses and their latency, low-confidence messages, re-check stage runs by
 * stage and verdict, the chain's outcome (changed / confirmed / fallback), cache hits and misses.
 * The start-up warm-up's parses are not counted ({@link WarmUpTraffic}).
 */
@ApplicationScoped
public class NluMetrics {

  private MetricRegistry metrics;
  private final ConcurrentHashMap<String, BotNluMetrics> byBot = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter> tagged = new ConcurrentHashMap<>();

  private record BotNluMetrics(
      Counter parses, Timer duration, Counter lowConfidence, Counter hits, Counter misses) {}

  /** For CDI proxies. */
  protected NluMetrics() {}

  /** Uses the application registry. */
  @Inject
  public NluMetrics(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  /** A message was parsed (from the cache or not) in that time with that decision. */
  public void parsed(String tenant, String bot, long nanos, NluDecision decision) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    BotNluMetrics m = of(tenant, bot);
    m.parses().inc();
    m.duration().update(Duration.ofNanos(nanos));
    if (decision.decidedBy().equals(NluDecision.CLASSIFIER)) {
      return;
    }
    m.lowConfidence().inc();
    String outcome = NluDecision.FALLBACK;
    for (StageVerdict verdict : decision.stages()) {
      tagged(
              "parley_nlu_recheck_total",
              tenant,
              bot,
              new Tag("stage", verdict.stage()),
              new Tag("verdict", verdict.outcome()))
          .inc();
      if (verdict.stage().equals(decision.decidedBy())) {
        outcome = verdict.outcome();
      }
    }
    tagged("parley_nlu_recheck_outcome_total", tenant, bot, new Tag("outcome", outcome)).inc();
  }

  /** A parse was answered from the cache. */
  public void cacheHit(String tenant, String bot) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    of(tenant, bot).hits().inc();
  }

  /** A parse was not in the cache. */
  public void cacheMiss(String tenant, String bot) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    of(tenant, bot).misses().inc();
  }

  private Counter tagged(String name, String tenant, String bot, Tag... extra) {
    StringBuilder key = new StringBuilder(name).append('/').append(tenant).append('/').append(bot);
    Tag[] tags = new Tag[extra.length + 2];
    tags[0] = new Tag("tenant", tenant);
    tags[1] = new Tag("bot", bot);
    for (int i = 0; i < extra.length; i++) {
      key.append('/').append(extra[i].getTagValue());
      tags[i + 2] = extra[i];
    }
    return tagged.computeIfAbsent(key.toString(), k -> metrics.counter(name, tags));
  }

  private BotNluMetrics of(String tenant, String bot) {
    return byBot.computeIfAbsent(
        tenant + "/" + bot,
        key -> {
          Tag[] tags = {new Tag("tenant", tenant), new Tag("bot", bot)};
          return new BotNluMetrics(
              metrics.counter("parley_nlu_parses_total", tags),
              metrics.timer("parley_nlu_parse_duration", tags),
              metrics.counter("parley_nlu_low_confidence_total", tags),
              metrics.counter("parley_nlu_cache_hits_total", tags),
              metrics.counter("parley_nlu_cache_misses_total", tags));
        });
  }
}
