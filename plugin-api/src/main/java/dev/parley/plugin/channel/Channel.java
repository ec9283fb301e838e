package dev.parley.plugin.channel;

import java.util.List;
import java.util.Optional;

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
   * An HTTP request below the channel's root ({@code /channels/{tenant}/{bot}/{id}/...}).
   *
   * @param request the bot, the path below the channel's root, and the request
   * @param body the request body as text (empty when it had none)
   * @return the answer, or empty for 404
   */
  default Optional<ChannelHttpResponse> http(ChannelRequest request, String body) {
    return Optional.empty();
  }

  /** Releases what the channel holds (timers, open connections). */
  @Override
  default void close() {}
}
