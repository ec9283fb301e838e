package dev.parley.example;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelTurn;
import dev.parley.plugin.channel.OutgoingMessage;
import dev.parley.plugin.channel.TurnRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The {@code plaintext} channel: {@code POST <sender>} below the channel's root runs the body as
 * the sender's message and answers, once the turn is done, with the bot's texts one per line
 * ({@code text/plain}). The caller's {@code Authorization} header is the turn's key. A refused turn
 * answers with the REST channel's status and the reason. Anything else is not found.
 */
final class PlainTextChannel implements Channel {

  private static final String TEXT = "text/plain";

  private final ChannelHost host;

  PlainTextChannel(ChannelHost host) {
    this.host = host;
  }

  @Override
  public CompletionStage<Optional<ChannelHttpResponse>> httpAsync(
      ChannelRequest request, String body) {
    String sender = request.path();
    if (!request.method().equals("POST") || sender.isEmpty() || sender.contains("/")) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    ChannelTurn turn =
        new ChannelTurn(
            sender, body.strip(), Optional.empty(), Map.of(), request.header("Authorization"));
    return host.run(request.bot(), turn).handle(PlainTextChannel::answer).thenApply(Optional::of);
  }

  private static ChannelHttpResponse answer(List<OutgoingMessage> messages, Throwable failure) {
    if (failure == null) {
      String texts =
          messages.stream()
              .flatMap(message -> message.text().stream())
              .collect(Collectors.joining("\n"));
      return new ChannelHttpResponse(200, TEXT, texts, Map.of());
    }
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof TurnRefusedException refused) {
      return new ChannelHttpResponse(refused.status(), TEXT, refused.reason(), Map.of());
    }
    throw new CompletionException(cause);
  }
}
