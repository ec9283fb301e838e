package dev.parley.core.llm;

import dev.parley.core.resilience.BotCircuitBreakers;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps one bot's or one tenant's LLM trouble to itself: a circuit breaker per bot (opens after
 * repeated failures, lets one trial call through after a while, closes when it succeeds) and a
 * bulkhead per tenant (a tenant's slow model can hold at most so many calls; more fall back at
 * once). Each call waits at most its own deadline. MicroProfile Fault Tolerance keeps its state per
 * method, server-wide, so these keyed parts use Resilience4j's registries instead.
 */
@ApplicationScoped
public class LlmIsolation {

  private static final long IDLE_THREAD_SECONDS = 60;

  @Resource private ManagedThreadFactory threads;

  private CircuitBreakerRegistry breakers;
  private BulkheadRegistry bulkheads;
  private int maxCalls;
  private ThreadPoolExecutor executor;

  /** For CDI proxies. */
  protected LlmIsolation() {}

  /** Reads the limits from configuration. */
  @Inject
  public LlmIsolation(
      @ConfigProperty(name = "parley.llm.circuit.failure.rate", defaultValue = "50")
          float failureRatePercent,
      @ConfigProperty(name = "parley.llm.circuit.minimum.calls", defaultValue = "4")
          int minimumCalls,
      @ConfigProperty(name = "parley.llm.circuit.window", defaultValue = "10") int window,
      @ConfigProperty(name = "parley.llm.circuit.open.ms", defaultValue = "30000") long openMillis,
      @ConfigProperty(name = "parley.llm.tenant.max.concurrent", defaultValue = "32")
          int tenantConcurrency,
      @ConfigProperty(name = "parley.llm.server.max.concurrent", defaultValue = "64")
          int serverConcurrency) {
    this.maxCalls = serverConcurrency;
    this.breakers =
        BotCircuitBreakers.registry(failureRatePercent, minimumCalls, window, openMillis);
    this.bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(tenantConcurrency)
                .maxWaitDuration(Duration.ZERO)
                .build());
  }

  /**
   * LLM calls run on their own threads: waiting request threads must never wait for a task queued
   * behind themselves on the server's shared executor.
   */
  @PostConstruct
  void start() {
    executor =
        new ThreadPoolExecutor(
            0,
            maxCalls + 8,
            IDLE_THREAD_SECONDS,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threads);
  }

  @PreDestroy
  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /**
   * Calls the generator within the tenant's bulkhead and the bot's circuit breaker, waiting at most
   * the call's timeout.
   *
   * @throws LlmRejected when the call is not allowed, times out or fails
   */
  public Optional<String> call(LlmCall call) {
    Bulkhead bulkhead = bulkheads.bulkhead(call.tenant());
    if (!bulkhead.tryAcquirePermission()) {
      throw new LlmRejected(
          LlmOutcome.BULKHEAD_FULL, "tenant " + call.tenant() + " has too many LLM calls", null);
    }
    try {
      CircuitBreaker breaker = breaker(call.botKey());
      if (!breaker.tryAcquirePermission()) {
        throw new LlmRejected(
            LlmOutcome.CIRCUIT_OPEN, "the circuit of " + call.botKey() + " is open", null);
      }
      long start = System.nanoTime();
      try {
        Optional<String> text = withDeadline(call);
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return text;
      } catch (LlmRejected e) {
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
        throw e;
      }
    } finally {
      bulkhead.onComplete();
    }
  }

  /** The circuit breaker of a bot ({@code tenant/bot}). */
  public CircuitBreaker breaker(String botKey) {
    return breakers.circuitBreaker(botKey);
  }

  private Optional<String> withDeadline(LlmCall call) {
    Future<Optional<String>> future;
    try {
      future = executor.submit(() -> call.generator().generate(call.request()));
    } catch (RejectedExecutionException e) {
      throw new LlmRejected(LlmOutcome.BULKHEAD_FULL, "no thread left for LLM calls", e);
    }
    try {
      return future.get(call.timeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new LlmRejected(
          LlmOutcome.TIMEOUT, "no answer within " + call.timeoutMillis() + " ms", null);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmRejected(LlmOutcome.TIMEOUT, "interrupted while waiting for the model", e);
    } catch (ExecutionException e) {
      throw new LlmRejected(LlmOutcome.ERROR, String.valueOf(e.getCause().getMessage()), e);
    }
  }
}
