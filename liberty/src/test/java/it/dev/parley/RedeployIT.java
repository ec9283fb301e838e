package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The native libraries of the embedding classifiers (ONNX Runtime, the tokenizer) live in the
 * server's shared library, so they are loaded once per server: after the application is redeployed
 * in the running server (its WAR replaced, as an update does), a new application class loader
 * serves the stored embedding model again instead of failing to load the libraries a second time.
 */
class RedeployIT {

  private static final String UPDATED = "CWWKZ0003I";

  @Test
  void anEmbeddingBotStillParsesAfterTheApplicationIsRedeployed() throws Exception {
    ParleyServer server =
        ParleyServer.startAnother("redeploy", Map.of(), ParleyServer.ownSchema("it_redeploy"));
    try {
      String key = BotProjects.create(server, "redeploy", "english", BotProjects.zip("nlu-en"));
      assertIntent(server, key, "could you bring me a pepperoni pizza", "order_pizza");
      try (Stream<Path> unpacked = Files.walk(server.workDir().resolve("data").resolve("native"))) {
        assertTrue(
            unpacked.anyMatch(p -> p.getFileName().toString().contains("tokenizers")),
            "the tokenizer's native library is unpacked in the data folder, not the home folder");
      }

      Path war = war(server.workDir().resolve("wlp-extract"));
      long updates = occurrences(server.log(), UPDATED);
      Files.setLastModifiedTime(war, FileTime.from(Instant.now()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (occurrences(server.log(), UPDATED) == updates && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      assertTrue(
          occurrences(server.log(), UPDATED) > updates, "the application was not redeployed");
      while (!ready(server) && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      assertIntent(server, key, "could you bring me a pepperoni pizza", "order_pizza");
      assertIntent(server, key, "is it going to rain this afternoon", "ask_weather");
      String log = Files.readString(server.log(), StandardCharsets.UTF_8);
      assertFalse(log.contains("UnsatisfiedLinkError"), "a native library failed to load again");
    } finally {
      server.stop();
    }
  }

  private static Path war(Path extracted) throws IOException {
    try (Stream<Path> files = Files.walk(extracted)) {
      return files
          .filter(p -> p.getFileName().toString().equals("platform-core.war"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no platform-core.war in " + extracted));
    }
  }

  private static long occurrences(Path log, String text) throws IOException {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.contains(text)).count();
    }
  }

  private static boolean ready(ParleyServer server) {
    try {
      HttpResponse<String> status = server.get("/status");
      return status.statusCode() == 200 && ParleyServer.json(status).path("ready").asBoolean();
    } catch (IOException e) {
      return false;
    }
  }

  private static void assertIntent(ParleyServer server, String key, String text, String intent)
      throws IOException {
    HttpResponse<String> response =
        server.postJson(
            "/api/tenants/redeploy/bots/english/model/parse",
            ParleyServer.JSON.writeValueAsString(Map.of("text", text)),
            ParleyServer.bearer(key));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = ParleyServer.json(response);
    assertEquals(intent, body.path("intent").path("name").asText(), body.toString());
  }
}
