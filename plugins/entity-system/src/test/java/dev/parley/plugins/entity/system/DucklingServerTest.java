package dev.parley.plugins.entity.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parley.plugin.nlu.EntityExtractor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server speaking Duckling's {@code /parse} protocol. */
class DucklingServerTest {

  private static final String ANSWER =
      """
      [{"body":"tomorrow at 5pm","start":0,"end":15,"dim":"time","latent":false,
        "value":{"values":[],"value":"2026-11-26T17:00:00.000-08:00","grain":"hour","type":"value"}},
       {"body":"two","start":20,"end":23,"dim":"number","latent":false,"value":{"value":2,"type":"value"}}]
      """;

  private HttpServer server;
  private final AtomicReference<String> form = new AtomicReference<>("");
  private volatile int status = 200;
  private volatile long delayMillis;
  private volatile String body = ANSWER;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/parse",
        exchange -> {
          form.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private EntityExtractor extractor() {
    return DucklingEntityExtractorTest.extractor(
        Map.of(
            "url",
            "http://127.0.0.1:" + server.getAddress().getPort(),
            "timezone",
            "America/Los_Angeles",
            "timeout",
            0.5));
  }

  @Test
  void usesTheServersAnswerAndSendsDucklingsFormFields() {
    List<String> found = DucklingEntityExtractorTest.found(extractor(), "tomorrow at 5pm for two");
    assertEquals(
        List.of(
            "time={values=[], value=2026-11-26T17:00:00.000-08:00, grain=hour, type=value}@0-15",
            "number=2@20-23"),
        found);
    String sent = URLDecoder.decode(form.get(), StandardCharsets.UTF_8);
    assertTrue(sent.contains("text=tomorrow at 5pm for two"), sent);
    assertTrue(sent.contains("locale=en_US"), sent);
    assertTrue(sent.contains("tz=America/Los_Angeles"), sent);
    assertTrue(sent.contains("reftime=" + DucklingEntityExtractorTest.NOW.millis()), sent);
  }

  @Test
  void fallsBackToLocalExtractionWhenTheServerIsSlow() {
    delayMillis = 2000;
    List<String> found = DucklingEntityExtractorTest.found(extractor(), "for two");
    assertEquals(List.of("number=2@4-7"), found);
  }

  @Test
  void fallsBackOnAnErrorStatusOrGarbage() {
    status = 500;
    assertEquals(List.of("number=3@0-5"), DucklingEntityExtractorTest.found(extractor(), "three"));
    status = 200;
    body = "<html>not duckling</html>";
    assertEquals(List.of("number=3@0-5"), DucklingEntityExtractorTest.found(extractor(), "three"));
  }

  @Test
  void fallsBackWhenNothingListens() {
    int port = server.getAddress().getPort();
    server.stop(0);
    EntityExtractor extractor =
        DucklingEntityExtractorTest.extractor(Map.of("url", "http://127.0.0.1:" + port));
    assertEquals(List.of("number=3@0-5"), DucklingEntityExtractorTest.found(extractor, "three"));
  }
}
