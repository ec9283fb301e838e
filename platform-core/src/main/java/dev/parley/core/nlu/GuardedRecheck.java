package dev.parley.core.nlu;

import dev.parley.core.bot.RecheckRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The core's fault-tolerant wrapper around re-check stages. MicroProfile Fault Tolerance bounds
 * every call server-wide ({@code @Timeout}: 1.5 s unless the operator changes {@code
 * parley.nlu.recheck.timeout.max.ms}, {@code PARLEY_NLU_RECHECK_TIMEOUT_MAX_MS}) and turns every
 * failure into the classifiers' original ranking ({@code @Fallback}). The stage's own deadline and
 * the circuit breaker per bot and stage are applied inside by {@link RecheckIsolation}.
 */
@ApplicationScoped
public class GuardedRecheck {

  private RecheckIsolation isolation;

  /** For CDI proxies. */
  protected GuardedRecheck() {}

  /** Wires the keyed isolation. */
  @Inject
  public GuardedRecheck(RecheckIsolation isolation) {
    this.isolation = isolation;
  }

  /** Runs the stage, or keeps the original ranking; never throws. */
  @Timeout(1500)
  @Fallback(RecheckFallback.class)
  public RecheckRunner.Result recheck(RecheckCall call) {
    return isolation.call(call);
  }
}
