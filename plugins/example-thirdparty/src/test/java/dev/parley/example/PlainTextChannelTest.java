package dev.parley.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelFactory;
import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelTurn;
import dev.parley.plugin.channel.OutgoingMessage;
import dev.parley.plugin.channel.TurnRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PlainTextChannelTest {

  private static final ChannelBot BOT = new ChannelBot("acme", "orders", Map.of());

  private static ChannelRequest request(String method, String path) {
    return new ChannelRequest(
        BOT, method, path, Map.of(), Map.of(), Map.of("authorization", List.of("Bearer k")));
  }

  private static OutgoingMessage text(String recipient, String text) {
    return new OutgoingMessage(recipient, Optional.of(text), List.of(), Optional.empty(), Map.of());
  }

  private static Optional<ChannelHttpResponse> ask(Channel channel, String method, String path) {
    return channel.httpAsync(request(method, path), " hi \n").toCompletableFuture().join();
  }

  @Test
  void postRunsTheBodyAsTheSendersTurnAndAnswersTheTextsOnePerLine() {
    Channel channel =
        new PlainTextChannelFactory()
            .create(
                (bot, turn) -> {
                  assertEquals(BOT, bot);
                  assertEquals(
                      new ChannelTurn(
                          "alice", "hi", Optional.empty(), Map.of(), Optional.of("Bearer k")),
                      turn);
                  return CompletableFuture.completedFuture(
                      List.of(text("alice", "Hello!"), text("alice", "How can I help?")));
                });
    ChannelHttpResponse answer = ask(channel, "POST", "alice").orElseThrow();
    assertEquals(200, answer.status());
    assertEquals("Hello!\nHow can I help?", answer.body());
  }

  @Test
  void aRefusedTurnAnswersTheRestChannelsStatusAndReason() {
    Channel channel =
        new PlainTextChannelFactory()
            .create(
                (bot, turn) ->
                    CompletableFuture.failedFuture(
                        new TurnRefusedException(401, "unauthorized", "send the bot's key")));
    ChannelHttpResponse answer = ask(channel, "POST", "alice").orElseThrow();
    assertEquals(401, answer.status());
    assertEquals("unauthorized", answer.body());
  }

  @Test
  void otherMethodsAndPathsAreNotFound() {
    Channel channel =
        new PlainTextChannelFactory()
            .create((bot, turn) -> CompletableFuture.failedFuture(new AssertionError("no turn")));
    assertTrue(ask(channel, "GET", "alice").isEmpty());
    assertTrue(ask(channel, "POST", "").isEmpty());
    assertTrue(ask(channel, "POST", "a/b").isEmpty());
  }

  @Test
  void theFactoryIsListedForServiceLoader() {
    assertTrue(
        ServiceLoader.load(ChannelFactory.class).stream()
            .anyMatch(provider -> provider.type() == PlainTextChannelFactory.class));
  }
}
