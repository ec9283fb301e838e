package dev.parley.core.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;

/**
 * The per-bot circuit breakers Parley keeps for calls out of the server (LLMs, action servers):
 * count-based, opening when enough of the latest calls failed, letting one trial call through after
 * the open period, and their state as a metric value.
 */
public final class BotCircuitBreakers {

  private BotCircuitBreakers() {}

  /**
   * A registry whose breakers open when at least {@code minimumCalls} of the last {@code window}
   * calls ran and {@code failureRatePercent} of them failed, and stay open {@code openMillis}.
   */
  public static CircuitBreakerRegistry registry(
      float failureRatePercent, int minimumCalls, int window, long openMillis) {
    return CircuitBreakerRegistry.of(
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(Math.max(window, minimumCalls))
            .minimumNumberOfCalls(minimumCalls)
            .failureRateThreshold(failureRatePercent)
            .waitDurationInOpenState(Duration.ofMillis(openMillis))
            .permittedNumberOfCallsInHalfOpenState(1)
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .build());
  }

  /** A breaker's state as a gauge value: 0 closed, 1 half-open, 2 open. */
  public static int stateCode(CircuitBreaker breaker) {
    return switch (breaker.getState()) {
      case CLOSED, DISABLED, METRICS_ONLY -> 0;
      case HALF_OPEN -> 1;
      case OPEN, FORCED_OPEN -> 2;
    };
  }
}
