package dev.parley.core.plugin;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Where the guard's metrics go: one {@link PluginMeter} per key, with its breaker's state. */
@FunctionalInterface
public interface PluginMeters {

  /** Counts nothing (tools and tests outside the server). */
  PluginMeters NONE = (key, breaker) -> PluginMeter.NONE;

  /** The meter of a key, whose circuit state is read from the breaker. */
  PluginMeter meter(PluginKey key, CircuitBreaker breaker);
}
