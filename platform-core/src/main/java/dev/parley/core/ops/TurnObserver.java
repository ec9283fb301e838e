package dev.parley.core.ops;

import dev.parley.core.bot.BotModel;
import dev.parley.core.config.WarmUpTraffic;
import dev.parley.core.json.Json;
import dev.parley.core.turn.TurnResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Observes every turn: one JSON log line (tenant, bot, sender_id, intent, confidence, latency_ms)
 * and metrics for turns, latency, low-confidence turns and failures, tagged by tenant and bot. The
 * start-up warm-up's turns are neither logged nor counted ({@link WarmUpTraffic}).
 */
@ApplicationScoped
public class TurnObserver {

  private static final Logger TURN_LOG = Logger.getLogger("dev.parley.turn");

  private MetricRegistry metrics;
  private final ConcurrentHashMap<String, BotMetrics> byBot = new ConcurrentHashMap<>();

  /** The metrics of one bot, looked up once. */
  private record BotMetrics(
      Counter turns,
      Timer duration,
      Counter lowConfidence,
      Counter failures,
      Counter slotFillFailures) {}

  /** For CDI proxies. */
  protected TurnObserver() {}

  /** Uses the application metric registry. */
  @Inject
  public TurnObserver(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  /** Records a completed turn. */
  public void completed(BotModel bot, String sender, TurnResult result, long nanos) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    BotMetrics m = metricsOf(bot);
    m.turns().inc();
    m.duration().update(Duration.ofNanos(nanos));
    double confidence = result.parse().intent().confidence();
    if (confidence < bot.nlu().threshold()) {
      m.lowConfidence().inc();
    }
    if (result.slotFillFailed()) {
      m.slotFillFailures().inc();
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "turn");
    line.put("tenant", bot.tenant());
    line.put("bot", bot.bot());
    line.put("sender_id", sender);
    line.put("intent", result.parse().intent().name());
    line.put("confidence", Math.round(confidence * 1000) / 1000.0);
    line.put("actions", result.actions());
    line.put("latency_ms", Math.round(nanos / 10_000.0) / 100.0);
    try {
      TURN_LOG.info(Json.mapper().writeValueAsString(line));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      TURN_LOG.warning("turn log failed: " + e.getOriginalMessage());
    }
  }

  /** Records a failed turn. */
  public void failed(BotModel bot, String sender, String errorId) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    metricsOf(bot).failures().inc();
  }

  private BotMetrics metricsOf(BotModel bot) {
    return byBot.computeIfAbsent(
        bot.tenant() + "/" + bot.bot(),
        key -> {
          Tag[] tags = tags(bot);
          return new BotMetrics(
              metrics.counter("parley_turns_total", tags),
              metrics.timer("parley_turn_duration", tags),
              metrics.counter("parley_low_confidence_turns_total", tags),
              metrics.counter("parley_turn_failures_total", tags),
              metrics.counter("parley_slot_fill_failures_total", tags));
        });
  }

  private static Tag[] tags(BotModel bot) {
    return new Tag[] {new Tag("tenant", bot.tenant()), new Tag("bot", bot.bot())};
  }
}
