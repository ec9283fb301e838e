package dev.parley.core.rest;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * What names the conversation of a call to Rasa's conversation endpoints ({@code
 * tenants/{tenant}/bots/{bot}/conversations/{sender}/...}) and how its events are returned ({@code
 * include_events}), with the request's headers and URI (for the bot's access rule and routing to
 * the conversation's owner): one JAX-RS bean parameter.
 */
public class RasaConversationCall {

  @PathParam("tenant")
  private String tenant;

  @PathParam("bot")
  private String bot;

  @PathParam("sender")
  private String sender;

  @QueryParam("include_events")
  private String include;

  @Context private HttpHeaders headers;

  @Context private UriInfo uri;

  /** The tenant named in the path. */
  public String tenant() {
    return tenant;
  }

  /** The bot named in the path. */
  public String bot() {
    return bot;
  }

  /** The conversation's sender id. */
  public String sender() {
    return sender;
  }

  /** The {@code include_events} query parameter, or {@code null}. */
  public String include() {
    return include;
  }

  /** The request's headers. */
  public HttpHeaders headers() {
    return headers;
  }

  /** The request's URI. */
  public UriInfo uri() {
    return uri;
  }

  /** The caller's {@code Authorization} header, if any. */
  public Optional<String> authorization() {
    return Optional.ofNullable(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
  }
}
