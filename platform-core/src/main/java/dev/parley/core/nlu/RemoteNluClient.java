package dev.parley.core.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.bot.BotModel;
import dev.parley.core.config.NluRoleSettings;
import dev.parley.core.config.WarmUpTraffic;
import dev.parley.core.json.Json;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.NluDecision.StageVerdict;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * A dialogue server's calls to its NLU server ({@code PARLEY_NLU_URL}): one HTTP/JSON call per
 * parse over kept-alive connections, naming the bot's model version; a parse by another version is
 * never used. Bounded by MicroProfile Fault Tolerance: a call that fails, is refused or takes
 * longer than the timeout ({@code parley.nlu.remote.timeout.ms}, default 500) is parsed here
 * instead ({@code @Fallback}), so an NLU outage costs speed, not answers. A parse for this server's
 * start-up warm-up says so ({@link WarmUpTraffic#HEADER}), so that the NLU server does not count it
 * either.
 */
@ApplicationScoped
public class RemoteNluClient {

  /** The NLU server's parse endpoint, relative to its base URL. */
  public static final String PARSE_PATH = "api/nlu/parse";

  private static final Set<String> ANSWERED =
      Set.of(StageVerdict.CONFIRMED, StageVerdict.CHANGED, StageVerdict.UNDECIDED);

  private URI endpoint;
  private String authorization;
  private Duration requestTimeout;
  private NluService local;
  private ParseCache cache;
  private RemoteNluMetrics metrics;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** For CDI proxies. */
  protected RemoteNluClient() {}

  /** Calls the configured NLU server; parses locally through the server's own NLU. */
  @Inject
  public RemoteNluClient(
      NluRoleSettings settings,
      NluService local,
      ParseCache cache,
      RemoteNluMetrics metrics,
      @org.eclipse.microprofile.config.inject.ConfigProperty(
              name = "parley.nlu.remote.timeout.ms",
              defaultValue = "500")
          long timeoutMillis) {
    this.endpoint = settings.nluUrl().map(url -> url.resolve(PARSE_PATH)).orElse(null);
    this.authorization = settings.nluKey().map(key -> "Bearer " + key).orElse("");
    this.requestTimeout = Duration.ofMillis(Math.max(1, timeoutMillis) * 2);
    this.local = local;
    this.cache = cache;
    this.metrics = metrics;
  }

  /**
   * The parse of a message by this version of the bot, from the NLU server.
   *
   * @throws RemoteNluException when the NLU server does not answer with that version's parse
   */
  @Timeout(500)
  @Fallback(fallbackMethod = "parseLocally")
  public ParseResult parse(BotModel model, Message message) {
    if (endpoint == null) {
      throw new RemoteNluException("no NLU server is configured (PARLEY_NLU_URL)");
    }
    long start = System.nanoTime();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", model.tenant());
    body.put("bot", model.bot());
    body.put("version", model.version());
    body.put("text", message.text());
    body.put("metadata", message.metadata());
    HttpResponse<byte[]> response;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(endpoint)
              .timeout(requestTimeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      if (WarmUpTraffic.isCurrent()) {
        request.header(WarmUpTraffic.HEADER, "true");
      }
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RemoteNluException("the NLU server did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteNluException("interrupted while waiting for the NLU server", e);
    }
    ParseResult parse = read(model, response);
    metrics.remote(model.tenant(), model.bot(), System.nanoTime() - start);
    if (parse.decision().stages().stream().allMatch(s -> ANSWERED.contains(s.outcome()))) {
      cache.put(model.tenant(), model.bot(), model.version(), parse);
    }
    return parse;
  }

  /** The fallback: the same parse by this server's own NLU. */
  public ParseResult parseLocally(BotModel model, Message message) {
    metrics.fallback(model.tenant(), model.bot());
    return local.parse(model, message);
  }

  private static ParseResult read(BotModel model, HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new RemoteNluException(
          "the NLU server answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    try {
      JsonNode reply = Json.mapper().readTree(response.body());
      int version = reply.path("version").asInt(-1);
      if (version != model.version()) {
        throw new RemoteNluException(
            "the NLU server parsed with version " + version + ", not " + model.version());
      }
      return Json.mapper().treeToValue(reply.path("parse"), ParseResult.class);
    } catch (IOException e) {
      throw new RemoteNluException("unreadable answer from the NLU server: " + e.getMessage(), e);
    }
  }
}
