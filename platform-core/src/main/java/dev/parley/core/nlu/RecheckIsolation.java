package dev.parley.core.nlu;

import dev.parley.core.bot.RecheckRunner;
import dev.parley.core.resilience.BotCircuitBreakers;
import dev.parley.plugin.nlu.RecheckOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps one bot's re-check trouble to itself: a circuit breaker per bot and stage (opens after
 * repeated failures or timeouts, lets one trial call through after a while) and the stage's own
 * deadline. Stages run on their own threads, so a slow model never holds the request thread past
 * the deadline. MicroProfile Fault Tolerance keeps its state per method, server-wide, so the keyed
 * breakers use Resilience4j's registry ({@link BotCircuitBreakers}).
 */
@ApplicationScoped
public class RecheckIsolation {

  private static final long IDLE_THREAD_SECONDS = 60;

  @Resource private ManagedThreadFactory threads;

  private CircuitBreakerRegistry breakers;
  private int maxCalls;
  private ThreadPoolExecutor executor;

  /** For CDI proxies. */
  protected RecheckIsolation() {}

  /** Reads the breaker settings and the most stages in flight from configuration. */
  @Inject
  public RecheckIsolation(
      @ConfigProperty(name = "parley.nlu.recheck.circuit.failure.rate", defaultValue = "50")
          float failureRatePercent,
      @ConfigProperty(name = "parley.nlu.recheck.circuit.minimum.calls", defaultValue = "4")
          int minimumCalls,
      @ConfigProperty(name = "parley.nlu.recheck.circuit.window", defaultValue = "10") int window,
      @ConfigProperty(name = "parley.nlu.recheck.circuit.open.ms", defaultValue = "30000")
          long openMillis,
      @ConfigProperty(name = "parley.nlu.recheck.max.concurrent", defaultValue = "64")
          int maxCalls) {
    this.breakers =
        BotCircuitBreakers.registry(failureRatePercent, minimumCalls, window, openMillis);
    this.maxCalls = maxCalls;
  }

  /** Starts the stage threads (called by CDI; tests call it themselves). */
  @PostConstruct
  public void start() {
    ThreadFactory factory = threads != null ? threads : Executors.defaultThreadFactory();
    executor =
        new ThreadPoolExecutor(
            0, maxCalls, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
  }

  /** Stops the stage threads. */
  @PreDestroy
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /**
   * Runs the stage within its circuit breaker, waiting at most its deadline.
   *
   * @throws RecheckRejected when the call is not allowed, times out or fails
   */
  public RecheckRunner.Result call(RecheckCall call) {
    CircuitBreaker breaker = breaker(call.breakerKey());
    if (!breaker.tryAcquirePermission()) {
      throw new RecheckRejected(
          RecheckRejected.CIRCUIT_OPEN, "the circuit of " + call.breakerKey() + " is open", null);
    }
    long start = System.nanoTime();
    try {
      RecheckOutcome outcome = withDeadline(call);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return new RecheckRunner.Result(outcome, Optional.empty());
    } catch (RecheckRejected e) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      throw e;
    }
  }

  /** The circuit breaker of one bot's stage ({@code tenant/bot/stage}). */
  public CircuitBreaker breaker(String key) {
    return breakers.circuitBreaker(key);
  }

  private RecheckOutcome withDeadline(RecheckCall call) {
    Future<RecheckOutcome> future;
    try {
      future = executor.submit(() -> call.stage().worker().recheck(call.message(), call.ranking()));
    } catch (RejectedExecutionException e) {
      throw new RecheckRejected(RecheckRejected.ERROR, "no thread left for re-check stages", e);
    }
    long timeout = call.stage().timeoutMillis();
    try {
      RecheckOutcome outcome = future.get(timeout, TimeUnit.MILLISECONDS);
      return outcome == null ? RecheckOutcome.undecided(call.ranking()) : outcome;
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RecheckRejected(RecheckRejected.TIMEOUT, "no answer within " + timeout + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RecheckRejected(RecheckRejected.TIMEOUT, "interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw new RecheckRejected(
          RecheckRejected.ERROR, String.valueOf(e.getCause().getMessage()), e.getCause());
    }
  }
}
