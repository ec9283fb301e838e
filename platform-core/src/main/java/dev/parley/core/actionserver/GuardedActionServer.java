package dev.parley.core.actionserver;

import dev.parley.core.turn.ActionOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Action-server calls that fail safely. MicroProfile Fault Tolerance bounds each attempt
 * ({@code @Timeout}, 5 s unless {@code parley.action.timeout.ms} says otherwise), retries
 * connection failures only (twice, with backoff and jitter), and turns every failure into {@link
 * ActionOutcome.Failed} ({@code @Fallback}); inside, the bot's own circuit breaker decides whether
 * to try at all.
 */
@ApplicationScoped
public class GuardedActionServer {

  private ActionServerHttp http;
  private ActionServerBreakers breakers;

  /** For CDI proxies. */
  protected GuardedActionServer() {}

  /** Wires the HTTP client and the per-bot breakers. */
  @Inject
  public GuardedActionServer(ActionServerHttp http, ActionServerBreakers breakers) {
    this.http = http;
    this.breakers = breakers;
  }

  /** Runs the call; never throws. */
  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = ActionServerUnreachable.class)
  @Fallback(ActionServerFallback.class)
  public ActionOutcome call(ActionCall call) {
    CircuitBreaker breaker = breakers.of(call.botKey());
    if (!breaker.tryAcquirePermission()) {
      throw new ActionServerFailure(
          ActionServerFailure.CIRCUIT_OPEN, "the circuit of " + call.botKey() + " is open", null);
    }
    long start = System.nanoTime();
    try {
      ActionOutcome outcome = http.post(call);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return outcome;
    } catch (RuntimeException e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw e;
    }
  }
}
