package dev.parley.core.actionserver;

import dev.parley.core.resilience.BotCircuitBreakers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Action-server metrics per bot: {@code parley_action_server_calls_total}, {@code
 * parley_action_server_call_duration}, {@code parley_action_server_rejections_total}, {@code
 * parley_action_server_failures_total{reason}} and {@code parley_action_server_circuit_state} (0
 * closed, 1 half-open, 2 open).
 */
@ApplicationScoped
public class ActionServerMetrics {

  private MetricRegistry metrics;
  private ActionServerBreakers breakers;
  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  /** For CDI proxies. */
  protected ActionServerMetrics() {}

  /** Uses the application registry; reads circuit states from the breakers. */
  @Inject
  public ActionServerMetrics(MetricRegistry metrics, ActionServerBreakers breakers) {
    this.metrics = metrics;
    this.breakers = breakers;
  }

  /** A call ended (whatever the outcome) after that long. */
  public void called(String tenant, String bot, long nanos) {
    counter("parley_action_server_calls_total", tenant, bot, null).inc();
    timers
        .computeIfAbsent(
            tenant + "/" + bot,
            key -> {
              Tag[] tags = {new Tag("tenant", tenant), new Tag("bot", bot)};
              metrics.gauge(
                  "parley_action_server_circuit_state",
                  breakers.of(key),
                  BotCircuitBreakers::stateCode,
                  tags);
              return metrics.timer("parley_action_server_call_duration", tags);
            })
        .update(Duration.ofNanos(nanos));
  }

  /** The action server rejected the action (400). */
  public void rejected(String tenant, String bot) {
    counter("parley_action_server_rejections_total", tenant, bot, null).inc();
  }

  /** The call failed for that reason. */
  public void failed(String tenant, String bot, String reason) {
    counter("parley_action_server_failures_total", tenant, bot, new Tag("reason", reason)).inc();
  }

  private Counter counter(String name, String tenant, String bot, Tag extra) {
    String key = name + "/" + tenant + "/" + bot + "/" + (extra == null ? "" : extra.getTagValue());
    return counters.computeIfAbsent(
        key,
        k ->
            extra == null
                ? metrics.counter(name, new Tag("tenant", tenant), new Tag("bot", bot))
                : metrics.counter(name, new Tag("tenant", tenant), new Tag("bot", bot), extra));
  }
}
