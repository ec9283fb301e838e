package dev.parley.plugins.entity.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks a Duckling server: {@code POST {url}/parse} with the form fields {@code text}, {@code
 * locale}, {@code tz} and {@code reftime}. Empty when the server does not answer in time or answers
 * with something other than Duckling's JSON, so that the caller can fall back.
 */
final class DucklingClient {

  private static final Logger LOG = Logger.getLogger(DucklingClient.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SCALAR =
      Set.of("number", "ordinal", "email", "url", "phone-number");

  private final URI parse;
  private final Duration timeout;
  private final HttpClient http;
  private final Clock clock;

  DucklingClient(String url, Duration timeout, Clock clock) {
    this.parse = URI.create(url.replaceAll("/+$", "") + "/parse");
    this.timeout = timeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  Optional<List<Found>> parse(String text, String locale, String zone, Set<String> dimensions) {
    String form =
        field("text", text)
            + "&"
            + field("locale", locale)
            + "&"
            + field("tz", zone)
            + "&"
            + field("reftime", String.valueOf(clock.millis()));
    HttpRequest request =
        HttpRequest.newBuilder(parse)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.warning(
            () ->
                "Duckling at "
                    + parse
                    + " answered HTTP "
                    + response.statusCode()
                    + "; using local extraction");
        return Optional.empty();
      }
      return Optional.of(read(JSON.readTree(response.body()), dimensions));
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING, "Duckling at " + parse + " failed (" + e + "); using local extraction");
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static List<Found> read(JsonNode answer, Set<String> dimensions) {
    if (!answer.isArray()) {
      throw new IllegalArgumentException("not a JSON array");
    }
    List<Found> found = new ArrayList<>();
    for (JsonNode match : answer) {
      String dim = match.get("dim").asText();
      if (!dimensions.isEmpty() && !dimensions.contains(dim)) {
        continue;
      }
      JsonNode value = match.get("value");
      Object converted =
          SCALAR.contains(dim) && value.has("value")
              ? JSON.convertValue(value.get("value"), Object.class)
              : JSON.convertValue(value, Map.class);
      found.add(new Found(dim, match.get("start").asInt(), match.get("end").asInt(), converted));
    }
    return found;
  }

  private static String field(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
