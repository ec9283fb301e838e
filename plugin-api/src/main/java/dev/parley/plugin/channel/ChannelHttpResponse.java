package dev.parley.plugin.channel;

import java.util.Map;

/**
 * A channel's answer to an HTTP request.
 *
 * @param status the status code
 * @param contentType the body's media type
 * @param body the body
 * @param headers further response headers
 */
public record ChannelHttpResponse(
    int status, String contentType, String body, Map<String, String> headers) {

  /** Copies the headers. */
  public ChannelHttpResponse {
    headers = Map.copyOf(headers);
  }

  /** A JSON answer. */
  public static ChannelHttpResponse json(int status, String json) {
    return new ChannelHttpResponse(status, "application/json", json, Map.of());
  }
}
