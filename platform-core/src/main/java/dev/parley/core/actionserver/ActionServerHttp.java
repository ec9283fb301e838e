package dev.parley.core.actionserver;

import dev.parley.core.plugin.PluginFailure;
import dev.parley.core.plugin.PluginUnreachable;
import dev.parley.core.turn.ActionOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts one request to an action server and reads the answer as Rasa does: 200 is a result, 400
 * {@code {"action_name", "error"}} a rejection; anything else, or no answer, is a {@link
 * PluginFailure} with one of the reasons below, {@code timeout}, {@code error}, or {@link
 * PluginUnreachable} when no connection could be made.
 */
@ApplicationScoped
public class ActionServerHttp {

  private static final Logger LOG = Logger.getLogger(ActionServerHttp.class.getName());
  private static final long GRACE_MILLIS = 500;

  /** Failure reason: the server answered with an error status. */
  public static final String HTTP_ERROR = "http_error";

  /** Failure reason: the server does not know the action (404). */
  public static final String NOT_FOUND = "not_found";

  /** Failure reason: the answer could not be read. */
  public static final String BAD_RESPONSE = "bad_response";

  private HttpClient client;
  private Duration requestTimeout;

  /** For CDI proxies. */
  protected ActionServerHttp() {}

  /** A client whose own timeouts are a little longer than the guarded call's. */
  @Inject
  public ActionServerHttp(
      @ConfigProperty(name = "parley.action.timeout.ms", defaultValue = "5000")
          long timeoutMillis) {
    this.requestTimeout = Duration.ofMillis(timeoutMillis + GRACE_MILLIS);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(Math.min(timeoutMillis, 2000)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends the call; a result or a rejection, else throws {@link PluginFailure}. */
  public ActionOutcome post(ActionCall call) {
    HttpRequest request =
        HttpRequest.newBuilder(call.url())
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new PluginUnreachable("cannot connect to " + call.url() + ": " + e, e);
    } catch (HttpTimeoutException e) {
      throw new PluginFailure(PluginFailure.TIMEOUT, "no answer in time", e);
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        throw new PluginUnreachable("cannot connect to " + call.url() + ": " + e, e);
      }
      throw new PluginFailure(PluginFailure.ERROR, String.valueOf(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginFailure(PluginFailure.TIMEOUT, "interrupted", e);
    }
    return read(call, response);
  }

  private static ActionOutcome read(ActionCall call, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      try {
        return new ActionOutcome.Completed(ActionServerReply.parse(call.action(), response.body()));
      } catch (IllegalArgumentException e) {
        throw new PluginFailure(BAD_RESPONSE, e.getMessage(), e);
      }
    }
    if (status == 400) {
      return new ActionOutcome.Rejected(ActionServerRejection.error(response.body()));
    }
    if (status == 404) {
      LOG.severe(
          () ->
              String.format(
                  "the action server of bot %s does not know the action '%s' (404 from %s):"
                      + " deploy it there or remove it from the domain",
                  call.botKey(), call.action(), call.url()));
      throw new PluginFailure(NOT_FOUND, "action " + call.action() + " not found", null);
    }
    throw new PluginFailure(HTTP_ERROR, "the action server answered " + status, null);
  }
}
