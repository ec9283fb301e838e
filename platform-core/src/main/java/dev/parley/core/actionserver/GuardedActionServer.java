package dev.parley.core.actionserver;

import dev.parley.core.turn.ActionOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  /** For CDI proxies. */
  protected GuardedActionServer() {}

  /** Wires the HTTP client. */
  @Inject
  public GuardedActionServer(ActionServerHttp http) {
    this.http = http;
  }

  /** Runs the call; never throws. */
  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = ActionServerUnreachable.class)
  @Fallback(ActionServerFallback.class)
  public ActionOutcome call(ActionCall call) {
    return http.post(call);
  }
}
