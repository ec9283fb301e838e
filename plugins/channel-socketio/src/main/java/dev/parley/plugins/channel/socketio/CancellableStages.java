package dev.parley.plugins.channel.socketio;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Maps a stage so that cancelling the mapped stage cancels its source too (a plain {@code
 * thenApply} does not): the server cancels an HTTP answer it no longer waits for, and the waiting
 * poll at the source must hear of it.
 */
final class CancellableStages {

  private CancellableStages() {}

  /** {@code source.thenApply(mapping)}, whose cancellation cancels {@code source}. */
  static <T, R> CompletableFuture<R> map(
      CompletableFuture<T> source, Function<? super T, ? extends R> mapping) {
    CompletableFuture<R> mapped = source.thenApply(mapping);
    mapped.whenComplete(
        (result, failure) -> {
          if (mapped.isCancelled()) {
            source.cancel(false);
          }
        });
    return mapped;
  }
}
