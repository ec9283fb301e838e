package dev.parley.core.console;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The console dashboard's recent history: every {@value #PERIOD_SECONDS} s the application's {@code
 * parley_*} counters (summed per tenant and bot over their other tags) and the turn latency
 * percentiles are kept for the last {@value #KEEP} samples (15 minutes), so the charts have the
 * recent minutes as soon as the page opens. In memory, per server.
 */
@ApplicationScoped
public class MetricsHistory {

  /** Seconds between samples. */
  public static final int PERIOD_SECONDS = 10;

  private static final int KEEP = 90;
  private static final String LATENCY = "parley_turn_duration";
  private static final Logger LOG = Logger.getLogger(MetricsHistory.class.getName());

  /** One sample of one bot: when, the counters by name, turn latency percentiles in ms. */
  public record Sample(long time, Map<String, Double> counters, Map<String, Double> latencyMs) {}

  @Resource private ManagedScheduledExecutorService scheduler;

  private MetricRegistry registry;
  private final Map<String, Deque<Sample>> byBot = new ConcurrentHashMap<>();
  private ScheduledFuture<?> task;

  /** For CDI proxies. */
  protected MetricsHistory() {}

  /** Samples the application registry. */
  @Inject
  public MetricsHistory(
      @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry) {
    this.registry = registry;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (task == null && scheduler != null) {
      task = scheduler.scheduleAtFixedRate(this::sampleSafely, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** The bot's samples, oldest first (empty before its first turn). */
  public List<Sample> recent(String tenant, String bot) {
    Deque<Sample> samples = byBot.get(tenant + "/" + bot);
    if (samples == null) {
      return List.of();
    }
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  private void sampleSafely() {
    try {
      sample(System.currentTimeMillis());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "metrics sample failed", e);
    }
  }

  void sample(long now) {
    Map<String, Map<String, Double>> counters = new HashMap<>();
    for (Map.Entry<MetricID, Counter> entry : registry.getCounters().entrySet()) {
      String key = botKey(entry.getKey());
      if (key != null && entry.getKey().getName().startsWith("parley_")) {
        counters
            .computeIfAbsent(key, k -> new LinkedHashMap<>())
            .merge(entry.getKey().getName(), (double) entry.getValue().getCount(), Double::sum);
      }
    }
    Map<String, Map<String, Double>> latency = new HashMap<>();
    for (Map.Entry<MetricID, Timer> entry : registry.getTimers().entrySet()) {
      String key = botKey(entry.getKey());
      if (key != null && entry.getKey().getName().equals(LATENCY)) {
        Map<String, Double> ms = new LinkedHashMap<>();
        for (Snapshot.PercentileValue p : entry.getValue().getSnapshot().percentileValues()) {
          ms.put(String.valueOf(p.getPercentile()), p.getValue() / 1_000_000.0);
        }
        latency.put(key, ms);
      }
    }
    for (Map.Entry<String, Map<String, Double>> bot : counters.entrySet()) {
      Deque<Sample> samples = byBot.computeIfAbsent(bot.getKey(), k -> new ArrayDeque<>());
      synchronized (samples) {
        samples.addLast(
            new Sample(now, bot.getValue(), latency.getOrDefault(bot.getKey(), Map.of())));
        while (samples.size() > KEEP) {
          samples.removeFirst();
        }
      }
    }
  }

  private static String botKey(MetricID id) {
    String tenant = id.getTags().get("tenant");
    String bot = id.getTags().get("bot");
    return tenant == null || bot == null ? null : tenant + "/" + bot;
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
