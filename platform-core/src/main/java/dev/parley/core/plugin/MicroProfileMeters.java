package dev.parley.core.plugin;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The guard's metrics in the application's MicroProfile registry, per key: {@code
 * parley_plugin_calls_total}, {@code parley_plugin_call_duration}, {@code
 * parley_plugin_failures_total{reason}}, {@code parley_plugin_refusals_total} and {@code
 * parley_plugin_circuit_state} (0 closed, 1 half-open, 2 open), tagged {@code tenant}, {@code bot},
 * {@code kind} and {@code plugin}; for generators and action servers also the per-bot names they
 * had before ({@code parley_llm_*}, {@code parley_action_server_*}), one set per bot.
 */
public final class MicroProfileMeters implements PluginMeters {

  private final MetricRegistry registry;
  private final Map<PluginKey, PluginMeter> meters = new ConcurrentHashMap<>();
  private final Map<String, PluginMeter> earlierMeters = new ConcurrentHashMap<>();

  /** Writes to the given registry. */
  public MicroProfileMeters(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public PluginMeter meter(PluginKey key, CircuitBreaker breaker) {
    return meters.computeIfAbsent(key, k -> create(k, breaker));
  }

  private PluginMeter create(PluginKey key, CircuitBreaker breaker) {
    Tag tenant = new Tag("tenant", key.tenant());
    Tag bot = new Tag("bot", key.bot());
    List<PluginMeter> parts = new ArrayList<>();
    parts.add(
        new MicroProfileMeter(
            registry,
            MeterNames.PLUGIN,
            new Tag[] {
              tenant, bot, new Tag("kind", key.kind().id()), new Tag("plugin", key.plugin())
            },
            breaker));
    MeterNames.earlier(key.kind())
        .ifPresent(
            names ->
                parts.add(
                    earlierMeters.computeIfAbsent(
                        key.kind().id() + "/" + key.tenant() + "/" + key.bot(),
                        perBot ->
                            new MicroProfileMeter(
                                registry, names, new Tag[] {tenant, bot}, breaker))));
    return parts.size() == 1 ? parts.get(0) : new BothMeters(parts.get(0), parts.get(1));
  }

  /** The tags of a key's {@code parley_plugin_*} metrics: tenant, bot, kind and plugin. */
  static Tag[] tags(PluginKey key) {
    return new Tag[] {
      new Tag("tenant", key.tenant()),
      new Tag("bot", key.bot()),
      new Tag("kind", key.kind().id()),
      new Tag("plugin", key.plugin())
    };
  }

  /** Two meters updated together. */
  private record BothMeters(PluginMeter first, PluginMeter second) implements PluginMeter {
    @Override
    public void ran(long nanos) {
      first.ran(nanos);
      second.ran(nanos);
    }

    @Override
    public void failed(String reason) {
      first.failed(reason);
      second.failed(reason);
    }

    @Override
    public void refused() {
      first.refused();
      second.refused();
    }
  }
}
