package dev.parley.plugin.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection or request at a channel's path.
 *
 * @param bot the bot and the channel's settings
 * @param method the HTTP method ({@code GET} for a WebSocket handshake)
 * @param path the path below the bot's channel root {@code /channels/{tenant}/{bot}/{id}/} (e.g.
 *     {@code socket.io/} or {@code v3/directline/conversations})
 * @param pathParameters values of the braces of a socket path
 * @param query the query parameters
 * @param headers the request headers, names in lower case
 */
public record ChannelRequest(
    ChannelBot bot,
    String method,
    String path,
    Map<String, String> pathParameters,
    Map<String, List<String>> query,
    Map<String, List<String>> headers) {

  /** Copies the maps. */
  public ChannelRequest {
    pathParameters = Map.copyOf(pathParameters);
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a header (name in any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
