package dev.parley.core.actionserver;

import dev.parley.core.resilience.BotCircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One circuit breaker per bot's action server (MicroProfile's breaker is per method, server-wide):
 * it opens after repeated failures, lets one trial call through after a while, and closes when that
 * succeeds.
 */
@ApplicationScoped
public class ActionServerBreakers {

  private CircuitBreakerRegistry breakers;

  /** For CDI proxies. */
  protected ActionServerBreakers() {}

  /** Reads the thresholds from configuration. */
  @Inject
  public ActionServerBreakers(
      @ConfigProperty(name = "parley.action.circuit.failure.rate", defaultValue = "50")
          float failureRatePercent,
      @ConfigProperty(name = "parley.action.circuit.minimum.calls", defaultValue = "4")
          int minimumCalls,
      @ConfigProperty(name = "parley.action.circuit.window", defaultValue = "10") int window,
      @ConfigProperty(name = "parley.action.circuit.open.ms", defaultValue = "30000")
          long openMillis) {
    this.breakers =
        BotCircuitBreakers.registry(failureRatePercent, minimumCalls, window, openMillis);
  }

  /** The breaker of a bot ({@code tenant/bot}). */
  public CircuitBreaker of(String botKey) {
    return breakers.circuitBreaker(botKey);
  }
}
