package dev.parley.plugin.channel;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A channel as the server runs it: it answers its WebSocket connections and, if it has any, its
 * HTTP requests. Called concurrently for different connections; one connection's frames arrive in
 * order. {@link #close()} is called when the server stops.
 */
public interface Channel extends AutoCloseable {

  /**
   * WebSocket paths the channel listens on, relative to a bot's channel root ({@code
   * /channels/{tenant}/{bot}/{id}/}, or the server's root for the default bot), e.g. {@code
   * socket.io/} or {@code v3/directline/conversations/{conversationId}/stream}; path parameters in
   * braces are handed over in {@link ChannelRequest#pathParameters()}. Empty when the channel has
   * no WebSocket.
   */
  default List<String> socketPaths() {
    return List.of();
  }

  /**
   * A WebSocket opened at one of the {@link #socketPaths()}.
   *
   * @param request the bot, path and handshake of the connection
   * @param socket where to send frames
   * @return what to do with the connection's frames, or empty to refuse it (the core closes it)
   */
  default Optional<SocketListener> open(ChannelRequest request, ChannelSocket socket) {
    return Optional.empty();
  }

  /**
   * An HTTP request below the channel's root ({@code /channels/{tenant}/{bot}/{id}/...}), answered
   * on the calling thread; the core reaches it through {@link #httpAsync}'s default.
   *
   * @param request the bot, the path below the channel's root, and the request
   * @param body the request body as text (empty when it had none)
   * @return the answer, or empty for 404
   */
  default Optional<ChannelHttpResponse> http(ChannelRequest request, String body) {
    return Optional.empty();
  }

  /**
   * An HTTP request below the channel's root, answered when the returned stage completes; the
   * server holds no thread while it waits (e.g. for a long-polling GET). The core calls this
   * method, not {@link #http}; by default it answers with {@link #http} at once. A channel whose
   * answer waits for something overrides it and returns a stage that completes within two minutes:
   * when the core stops waiting before (its own limit, or the client went away) it cancels the
   * stage with {@code toCompletableFuture().cancel(false)}, and the channel releases then what it
   * holds for the request.
   *
   * @param request the bot, the path below the channel's root, and the request
   * @param body the request body as text (empty when it had none)
   * @return the answer, or empty for 404; a failed stage answers 500
   */
  default CompletionStage<Optional<ChannelHttpResponse>> httpAsync(
      ChannelRequest request, String body) {
    try {
      return CompletableFuture.completedFuture(http(request, body));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Releases what the channel holds (timers, open connections). */
  @Override
  default void close() {}
}
