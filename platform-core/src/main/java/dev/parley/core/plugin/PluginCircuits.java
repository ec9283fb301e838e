package dev.parley.core.plugin;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keyed parts of the guard, which MicroProfile Fault Tolerance (state per method, server-wide)
 * cannot give: a circuit breaker per {@link PluginKey} and a bulkhead per kind and tenant, with
 * each kind's {@link GuardLimits}. Breakers are count-based, open when enough of the latest calls
 * failed, and let one trial call through after the open period.
 */
public final class PluginCircuits {

  private final Map<GuardedKind, CircuitBreakerRegistry> breakers =
      new EnumMap<>(GuardedKind.class);
  private final Map<GuardedKind, BulkheadRegistry> bulkheads = new EnumMap<>(GuardedKind.class);

  /** The breakers and bulkheads of every kind, as the settings say. */
  public PluginCircuits(GuardSettings settings) {
    for (GuardedKind kind : GuardedKind.values()) {
      GuardLimits limits = settings.limits(kind);
      breakers.put(kind, CircuitBreakerRegistry.of(breakerConfig(limits)));
      if (limits.tenantConcurrency() > 0) {
        bulkheads.put(
            kind,
            BulkheadRegistry.of(
                BulkheadConfig.custom()
                    .maxConcurrentCalls(limits.tenantConcurrency())
                    .maxWaitDuration(Duration.ZERO)
                    .build()));
      }
    }
  }

  /** The circuit breaker of a key. */
  public CircuitBreaker breaker(PluginKey key) {
    return breakers.get(key.kind()).circuitBreaker(key.name());
  }

  /** The bulkhead of the key's tenant for its kind, if the kind limits tenants. */
  public Optional<Bulkhead> tenantBulkhead(PluginKey key) {
    return Optional.ofNullable(bulkheads.get(key.kind()))
        .map(registry -> registry.bulkhead(key.tenant()));
  }

  /** A breaker's state as a gauge value: 0 closed, 1 half-open, 2 open. */
  public static int stateCode(CircuitBreaker breaker) {
    return switch (breaker.getState()) {
      case CLOSED, DISABLED, METRICS_ONLY -> 0;
      case HALF_OPEN -> 1;
      case OPEN, FORCED_OPEN -> 2;
    };
  }

  private static CircuitBreakerConfig breakerConfig(GuardLimits limits) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(Math.max(limits.window(), limits.minimumCalls()))
        .minimumNumberOfCalls(limits.minimumCalls())
        .failureRateThreshold(limits.failureRatePercent())
        .waitDurationInOpenState(Duration.ofMillis(limits.openMillis()))
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        .build();
  }
}
