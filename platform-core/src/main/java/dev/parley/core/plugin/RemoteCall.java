package dev.parley.core.plugin;

import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One call of a remote plugin through {@link PluginGuard#call}: what to run, how long to wait for
 * it, and what a failure means to the caller.
 *
 * @param key the kind, plugin and bot (its breaker, bulkhead and metrics)
 * @param work the plugin call; throws {@link PluginFailure} (or anything) when it fails
 * @param deadlineMillis how long to wait for the answer on the kind's own threads; 0 runs the work
 *     in the caller's thread, bounded only by the server-wide {@code @Timeout}
 * @param fallback the result of a failed call, from its reason code (e.g. the classifiers' ranking
 *     for a re-check, the template for a generator, a failed outcome for an action server)
 * @param refusal whether an answer is a refusal (counted, but not a failure of the plugin)
 * @param <T> the result type
 */
public record RemoteCall<T>(
    PluginKey key,
    Callable<T> work,
    long deadlineMillis,
    Function<String, T> fallback,
    Predicate<T> refusal) {

  /** A call whose answers are never refusals. */
  public static <T> RemoteCall<T> of(
      PluginKey key, Callable<T> work, long deadlineMillis, Function<String, T> fallback) {
    return new RemoteCall<>(key, work, deadlineMillis, fallback, answer -> false);
  }

  /** The result of this call when it failed for that reason. */
  public T failed(String reason) {
    return fallback.apply(reason);
  }
}
