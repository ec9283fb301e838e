package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.ChannelHttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks channels in turn, each once the one before had nothing at the path, until one answers: the
 * {@link #result()} is the first answer (empty when none had one) or the first failure. {@link
 * #cancel()} cancels the channel being asked, which then releases what it holds for the request.
 */
final class FirstChannelAnswer {

  private final Iterator<ChannelHttpCall> calls;
  private final String body;
  private final CompletableFuture<Optional<ChannelHttpResponse>> result = new CompletableFuture<>();
  private volatile CompletableFuture<Optional<ChannelHttpResponse>> asked =
      CompletableFuture.completedFuture(Optional.empty());

  private FirstChannelAnswer(List<ChannelHttpCall> calls, String body) {
    this.calls = List.copyOf(calls).iterator();
    this.body = body;
  }

  /** Starts asking {@code calls}, in order, with the request body. */
  static FirstChannelAnswer ask(List<ChannelHttpCall> calls, String body) {
    FirstChannelAnswer answer = new FirstChannelAnswer(calls, body);
    answer.askNext();
    return answer;
  }

  /** The first answer; complete at once when the channels answered on the calling thread. */
  CompletableFuture<Optional<ChannelHttpResponse>> result() {
    return result;
  }

  /** Stops waiting: the result is cancelled, and so is the channel's stage. */
  void cancel() {
    result.cancel(false);
    asked.cancel(false);
  }

  private void askNext() {
    if (result.isDone()) {
      return;
    }
    if (!calls.hasNext()) {
      result.complete(Optional.empty());
      return;
    }
    CompletableFuture<Optional<ChannelHttpResponse>> call = calls.next().start(body);
    asked = call;
    if (result.isDone()) {
      call.cancel(false);
      return;
    }
    call.whenComplete(
        (answer, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          } else if (answer.isPresent()) {
            result.complete(answer);
          } else {
            askNext();
          }
        });
  }
}
