package dev.parley.core.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The core's fault-tolerant wrapper around generator plugins. MicroProfile Fault Tolerance bounds
 * every call server-wide ({@code @Timeout}: 1.5 s unless the operator raises it; {@code @Bulkhead}:
 * LLM calls in flight on this server) and turns every failure into a fallback outcome, so the
 * caller sends the template. Per-bot circuit breakers, per-tenant bulkheads and per-bot timeouts
 * are applied inside by {@link LlmIsolation}.
 */
@ApplicationScoped
public class GuardedGeneration {

  private LlmIsolation isolation;

  /** For CDI proxies. */
  protected GuardedGeneration() {}

  /** Wires the keyed isolation. */
  @Inject
  public GuardedGeneration(LlmIsolation isolation) {
    this.isolation = isolation;
  }

  /** Generates, or says why not; never throws. */
  @Timeout(1500)
  @Bulkhead(64)
  @Fallback(LlmFallback.class)
  public LlmOutcome generate(LlmCall call) {
    return LlmOutcome.answered(isolation.call(call));
  }
}
