package dev.parley.core.plugin;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One in-process worker's circuit breaker and meter, looked up once when the worker is wrapped, so
 * that a call costs a permission check, two clock reads and the updates.
 */
final class WorkerCircuit {

  private static final Logger LOG = Logger.getLogger(WorkerCircuit.class.getName());

  private final PluginKey key;
  private final CircuitBreaker breaker;
  private final PluginMeter meter;

  WorkerCircuit(PluginKey key, CircuitBreaker breaker, PluginMeter meter) {
    this.key = key;
    this.breaker = breaker;
    this.meter = meter;
  }

  PluginKey key() {
    return key;
  }

  /** Whether the worker may be called now; counts a skipped call when its circuit is open. */
  boolean tryEnter() {
    if (breaker.tryAcquirePermission()) {
      return true;
    }
    meter.failed(PluginFailure.CIRCUIT_OPEN);
    return false;
  }

  /** The call that started at {@code start} (a {@link System#nanoTime()}) answered. */
  void succeeded(long start) {
    long nanos = System.nanoTime() - start;
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    meter.ran(nanos);
  }

  /** The call refused, as its contract allows: an answer, not a failure. */
  void refused(long start) {
    succeeded(start);
    meter.refused();
  }

  /** The call threw. */
  void failed(long start, RuntimeException failure) {
    long nanos = System.nanoTime() - start;
    breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    meter.ran(nanos);
    meter.failed(PluginFailure.ERROR);
    LOG.log(Level.WARNING, "plugin " + key.name() + " failed; its answer is left out", failure);
  }
}
