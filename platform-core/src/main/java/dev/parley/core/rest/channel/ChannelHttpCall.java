package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An HTTP request for one channel.
 *
 * @param channel the channel that answers
 * @param request what it is asked
 */
record ChannelHttpCall(Channel channel, ChannelRequest request) {

  /**
   * Asks the channel ({@link Channel#httpAsync}); a channel that throws gives a failed future.
   * Cancelling the future cancels the channel's stage.
   */
  CompletableFuture<Optional<ChannelHttpResponse>> start(String body) {
    CompletionStage<Optional<ChannelHttpResponse>> stage;
    try {
      stage = channel.httpAsync(request, body);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException notConvertible) {
      CompletableFuture<Optional<ChannelHttpResponse>> copy = new CompletableFuture<>();
      stage.whenComplete(
          (answer, failure) -> {
            if (failure == null) {
              copy.complete(answer);
            } else {
              copy.completeExceptionally(failure);
            }
          });
      return copy;
    }
  }
}
