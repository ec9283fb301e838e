package dev.parley.core.plugin;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs remote plugin calls within their own deadline. Each remote kind has its own threads (at most
 * its {@code server.max.concurrent}; the generator's 8 more than its server-wide {@code @Bulkhead},
 * so calls abandoned at their deadline do not starve new ones), so a slow model never holds the
 * request thread past the deadline, and one kind cannot take another's threads.
 */
public final class PluginDeadlines {

  private static final long IDLE_THREAD_SECONDS = 60;
  private static final int GENERATOR_HEADROOM = 8;

  private final Map<GuardedKind, ThreadPoolExecutor> pools = new EnumMap<>(GuardedKind.class);

  /** Threads for every remote kind that has a server concurrency; none start until used. */
  public PluginDeadlines(GuardSettings settings, ThreadFactory threads) {
    for (GuardedKind kind : GuardedKind.values()) {
      int size = settings.limits(kind).serverConcurrency();
      if (kind.remote() && size > 0) {
        int max = kind == GuardedKind.GENERATOR ? size + GENERATOR_HEADROOM : size;
        pools.put(
            kind,
            new ThreadPoolExecutor(
                0, max, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(), threads));
      }
    }
  }

  /**
   * Runs the call: on the kind's threads waiting at most its deadline, or in this thread when it
   * has none.
   *
   * @throws PluginFailure when it fails, times out, or no thread is left
   */
  public RemoteAnswer run(RemoteCall<?> call) {
    ThreadPoolExecutor pool = pools.get(call.key().kind());
    if (call.deadlineMillis() <= 0 || pool == null) {
      return direct(call);
    }
    Future<?> future;
    try {
      future = pool.submit(call.work());
    } catch (RejectedExecutionException e) {
      throw new PluginFailure(
          PluginFailure.BULKHEAD_FULL,
          "no thread left for " + call.key().kind().id() + " calls",
          e);
    }
    try {
      return RemoteAnswer.answered(future.get(call.deadlineMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new PluginFailure(
          PluginFailure.TIMEOUT, "no answer within " + call.deadlineMillis() + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new PluginFailure(PluginFailure.TIMEOUT, "interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    }
  }

  /** Stops the threads. */
  public void stop() {
    pools.values().forEach(ThreadPoolExecutor::shutdownNow);
  }

  private static RemoteAnswer direct(RemoteCall<?> call) {
    try {
      return RemoteAnswer.answered(call.work().call());
    } catch (Exception e) {
      throw failure(e);
    }
  }

  private static PluginFailure failure(Throwable cause) {
    return cause instanceof PluginFailure known
        ? known
        : new PluginFailure(PluginFailure.ERROR, String.valueOf(cause.getMessage()), cause);
  }
}
