package dev.parley.core.plugin;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Meters that remember, per key, how many calls ran, the failure reasons and the refusals. */
final class RecordingMeters implements PluginMeters {

  /** What one key's meter saw. */
  static final class Seen implements PluginMeter {
    final AtomicInteger ran = new AtomicInteger();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();

    @Override
    public void ran(long nanos) {
      ran.incrementAndGet();
    }

    @Override
    public void failed(String reason) {
      failures.add(reason);
    }

    @Override
    public void refused() {
      refused.incrementAndGet();
    }
  }

  private final Map<PluginKey, Seen> byKey = new ConcurrentHashMap<>();

  @Override
  public PluginMeter meter(PluginKey key, CircuitBreaker breaker) {
    return seen(key);
  }

  /** What the meter of that key saw (nothing yet if it was never looked up). */
  Seen seen(PluginKey key) {
    return byKey.computeIfAbsent(key, k -> new Seen());
  }

  /** The keys whose meters were looked up. */
  Map<PluginKey, Seen> keys() {
    return byKey;
  }
}
