package dev.parley.core.plugin;

import dev.parley.core.config.WarmUpTraffic;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * One key's metrics under one set of {@link MeterNames} in a MicroProfile registry: the counters
 * and timer are looked up once; failure counters once per reason. Calls for the start-up warm-up
 * are not counted ({@link WarmUpTraffic}); the circuit state is the breaker's, whoever called.
 */
final class MicroProfileMeter implements PluginMeter {

  private final MetricRegistry registry;
  private final MeterNames names;
  private final Tag[] tags;
  private final Counter calls;
  private final Timer duration;
  private final Map<String, Counter> reasonCounters = new HashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Optional<Counter> refusals;

  MicroProfileMeter(MetricRegistry registry, MeterNames names, Tag[] tags, CircuitBreaker breaker) {
    this.registry = registry;
    this.names = names;
    this.tags = tags.clone();
    this.calls = registry.counter(names.calls(), tags);
    this.duration = registry.timer(names.duration(), tags);
    registry.gauge(names.circuit(), breaker, PluginCircuits::stateCode, tags);
    names
        .reasonCounters()
        .forEach((reason, name) -> reasonCounters.put(reason, registry.counter(name, tags)));
    this.refusals = names.refusals().map(name -> registry.counter(name, tags));
  }

  @Override
  public void ran(long nanos) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    calls.inc();
    duration.update(Duration.ofNanos(nanos));
  }

  @Override
  public void failed(String reason) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    Counter single = reasonCounters.get(reason);
    if (single != null) {
      single.inc();
    }
    names
        .failures()
        .ifPresent(name -> failures.computeIfAbsent(reason, r -> tagged(name, r)).inc());
  }

  @Override
  public void refused() {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    refusals.ifPresent(Counter::inc);
  }

  private Counter tagged(String name, String reason) {
    Tag[] withReason = new Tag[tags.length + 1];
    System.arraycopy(tags, 0, withReason, 0, tags.length);
    withReason[tags.length] = new Tag("reason", reason);
    return registry.counter(name, withReason);
  }
}
