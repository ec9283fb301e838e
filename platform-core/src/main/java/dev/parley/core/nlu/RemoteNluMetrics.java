package dev.parley.core.nlu;

import dev.parley.core.config.WarmUpTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * A dialogue server's remote-NLU metrics per bot: parses the NLU server gave ({@code
 * parley_nlu_remote_total{outcome="remote"}} and their round-trip time {@code
 * parley_nlu_remote_duration}) and parses made here instead ({@code outcome="fallback"}). The
 * start-up warm-up's parses are not counted ({@link WarmUpTraffic}).
 */
@ApplicationScoped
public class RemoteNluMetrics {

  private MetricRegistry metrics;
  private final ConcurrentHashMap<String, BotMetrics> byBot = new ConcurrentHashMap<>();

  private record BotMetrics(Counter remote, Counter fallback, Timer duration) {}

  /** For CDI proxies. */
  protected RemoteNluMetrics() {}

  /** Uses the application registry. */
  @Inject
  public RemoteNluMetrics(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  /** The NLU server answered in that time. */
  public void remote(String tenant, String bot, long nanos) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    BotMetrics m = of(tenant, bot);
    m.remote().inc();
    m.duration().update(Duration.ofNanos(nanos));
  }

  /** The message was parsed here because the NLU server gave no parse. */
  public void fallback(String tenant, String bot) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    of(tenant, bot).fallback().inc();
  }

  private BotMetrics of(String tenant, String bot) {
    return byBot.computeIfAbsent(
        tenant + "/" + bot,
        key -> {
          Tag t = new Tag("tenant", tenant);
          Tag b = new Tag("bot", bot);
          return new BotMetrics(
              metrics.counter("parley_nlu_remote_total", t, b, new Tag("outcome", "remote")),
              metrics.counter("parley_nlu_remote_total", t, b, new Tag("outcome", "fallback")),
              metrics.timer("parley_nlu_remote_duration", t, b));
        });
  }
}
