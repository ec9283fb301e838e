package dev.parley.core.llm;

import dev.parley.core.resilience.BotCircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * LLM metrics per bot: calls and their latency, timeouts, errors, replies generated, templates sent
 * instead (by reason) and the circuit state (0 closed, 1 half-open, 2 open).
 */
@ApplicationScoped
public class LlmMetrics {

  private MetricRegistry metrics;
  private LlmIsolation isolation;
  private final ConcurrentHashMap<String, BotLlmMetrics> byBot = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter> tagged = new ConcurrentHashMap<>();

  private record BotLlmMetrics(
      Counter calls, Timer duration, Counter timeouts, Counter errors, Counter generated) {}

  /** For CDI proxies. */
  protected LlmMetrics() {}

  /** Uses the application registry; reads circuit states from the isolation. */
  @Inject
  public LlmMetrics(MetricRegistry metrics, LlmIsolation isolation) {
    this.metrics = metrics;
    this.isolation = isolation;
  }

  /** A call reached the model (or its deadline) and took that long. */
  public void called(String tenant, String bot, long nanos, LlmOutcome outcome) {
    BotLlmMetrics m = of(tenant, bot);
    m.calls().inc();
    m.duration().update(Duration.ofNanos(nanos));
    outcome
        .failure()
        .ifPresent(
            failure -> {
              if (failure.equals(LlmOutcome.TIMEOUT)) {
                m.timeouts().inc();
              } else if (failure.equals(LlmOutcome.ERROR)) {
                m.errors().inc();
              }
            });
  }

  /** The generated reply was sent. */
  public void generated(String tenant, String bot) {
    of(tenant, bot).generated().inc();
  }

  /** A check rejected a generated reply. */
  public void rejectedBy(String tenant, String bot, String check) {
    tagged("parley_llm_check_rejections_total", tenant, bot, new Tag("check", check)).inc();
  }

  /** The template was sent instead, for this reason. */
  public void fellBack(String tenant, String bot, String reason) {
    of(tenant, bot);
    tagged("parley_llm_fallbacks_total", tenant, bot, new Tag("reason", reason)).inc();
  }

  private Counter tagged(String name, String tenant, String bot, Tag extra) {
    return tagged.computeIfAbsent(
        name + "/" + tenant + "/" + bot + "/" + extra.getTagValue(),
        key -> metrics.counter(name, new Tag("tenant", tenant), new Tag("bot", bot), extra));
  }

  private BotLlmMetrics of(String tenant, String bot) {
    return byBot.computeIfAbsent(
        tenant + "/" + bot,
        key -> {
          Tag[] tags = {new Tag("tenant", tenant), new Tag("bot", bot)};
          CircuitBreaker breaker = isolation.breaker(key);
          metrics.gauge("parley_llm_circuit_state", breaker, BotCircuitBreakers::stateCode, tags);
          return new BotLlmMetrics(
              metrics.counter("parley_llm_calls_total", tags),
              metrics.timer("parley_llm_call_duration", tags),
              metrics.counter("parley_llm_timeouts_total", tags),
              metrics.counter("parley_llm_errors_total", tags),
              metrics.counter("parley_llm_generated_total", tags));
        });
  }
}
