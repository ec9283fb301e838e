package dev.parley.core.rest.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Asking the channels in turn, synchronously or not, and cancelling the one being asked. */
class FirstChannelAnswerTest {

  private static final ChannelRequest REQUEST =
      new ChannelRequest(
          new ChannelBot("t", "b", Map.of()), "GET", "socket.io/", Map.of(), Map.of(), Map.of());
  private static final ChannelHttpResponse OK = ChannelHttpResponse.json(200, "{}");

  /** A channel answering synchronously through the SPI's default {@code httpAsync}. */
  private static Channel synchronous(Optional<ChannelHttpResponse> answer) {
    return new Channel() {
      @Override
      public Optional<ChannelHttpResponse> http(ChannelRequest request, String body) {
        return answer;
      }
    };
  }

  private static Channel waiting(CompletableFuture<Optional<ChannelHttpResponse>> answer) {
    return new Channel() {
      @Override
      public CompletionStage<Optional<ChannelHttpResponse>> httpAsync(
          ChannelRequest request, String body) {
        return answer;
      }
    };
  }

  private static FirstChannelAnswer ask(Channel... channels) {
    return FirstChannelAnswer.ask(
        List.of(channels).stream().map(c -> new ChannelHttpCall(c, REQUEST)).toList(), "");
  }

  @Test
  void aSynchronousChannelAnswersAtOnceAndTheFirstAnswerWins() throws Exception {
    FirstChannelAnswer answer =
        ask(
            synchronous(Optional.empty()),
            synchronous(Optional.of(OK)),
            waiting(new CompletableFuture<>()));
    assertTrue(answer.result().isDone());
    assertEquals(Optional.of(OK), answer.result().get());
    assertEquals(Optional.empty(), ask().result().get(), "no channel: nothing to answer");
  }

  @Test
  void aWaitingChannelAnswersLaterAndCancellingReachesIt() throws Exception {
    CompletableFuture<Optional<ChannelHttpResponse>> later = new CompletableFuture<>();
    FirstChannelAnswer answer = ask(waiting(later));
    assertFalse(answer.result().isDone());
    later.complete(Optional.of(OK));
    assertEquals(Optional.of(OK), answer.result().get());

    CompletableFuture<Optional<ChannelHttpResponse>> never = new CompletableFuture<>();
    ask(waiting(never)).cancel();
    assertTrue(never.isCancelled(), "the channel hears that nobody waits any more");
  }

  @Test
  void aChannelThatThrowsGivesAFailure() {
    Channel broken =
        new Channel() {
          @Override
          public Optional<ChannelHttpResponse> http(ChannelRequest request, String body) {
            throw new IllegalStateException("boom");
          }
        };
    FirstChannelAnswer answer = ask(broken, synchronous(Optional.of(OK)));
    assertTrue(answer.result().isCompletedExceptionally());
    try {
      answer.result().get();
    } catch (ExecutionException | InterruptedException e) {
      assertEquals("boom", e.getCause().getMessage());
    }
  }
}
