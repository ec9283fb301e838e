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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sensitive conversation data at rest, on a server of its own: after an order with a phone number
 * and an address, the tracker API shows them, while no file of the data dir (database, generated
 * keys) and no server log contains them. Then the key is rotated: old data stays readable, and the
 * re-encryption call moves it to the new key, after which the old key is no longer needed.
 */
class SensitiveDataIT {

  private static final String PHONE = "13906217845";
  private static final String ADDRESS = "77 Quillfeather Lane";
  private static final String SENDER = "it-sensitive-sender";

  private static ParleyServer server;
  private static int starts;

  @BeforeAll
  static void start() {
    server = ParleyServer.dedicated("sensitive");
    startServer();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void sensitiveValuesAreReadableThroughTheApiButNotAtRestAndSurviveKeyRotation()
      throws IOException {
    Path keyFile = server.workDir().resolve("data").resolve("encryption-keys");
    String generatedKey;
    if (ItDatabase.configured().isPresent()) {
      assertFalse(Files.exists(keyFile), "a server on a database server never generates a key");
      generatedKey = ParleyServer.EXTERNAL_DB_KEYS;
    } else {
      assertTrue(Files.isRegularFile(keyFile), "a key was generated into the data dir");
      generatedKey = keyLine(keyFile);
      assertLogsSay("it is in " + keyFile);
    }
    String generatedId = generatedKey.substring(0, generatedKey.indexOf(':'));

    Conversation chat = order();
    assertEquals(PHONE, chat.slot("phone"));
    assertEquals(ADDRESS, chat.slot("address"));
    String tracker = chat.tracker().toString();
    assertTrue(tracker.contains("\"text\":\"" + PHONE + "\""), "user text in plaintext via API");
    HttpResponse<String> state =
        server.get("/api/tenants/demo/bots/demo/conversations/" + SENDER + "/state");
    assertEquals(200, state.statusCode());
    assertTrue(state.body().contains(ADDRESS), state.body());

    server.stop();
    assertNotAtRest("after the conversation");
    assertFalse(
        logText().contains(generatedKey.substring(generatedKey.indexOf(':') + 1)),
        "the key itself is never logged");

    String newKey = "k-rotated:" + randomKey();
    server.env("PARLEY_ENCRYPTION_KEYS", newKey + "," + generatedKey);
    startServer();
    assertEquals(PHONE, chat.slot("phone"), "old data is read with the old key after rotation");
    assertEquals(401, server.postJson("/api/admin/maintenance/reencrypt", "{}").statusCode());
    JsonNode first = reencrypt();
    assertEquals("k-rotated", first.path("active_key").asText());
    assertTrue(first.path("reencrypted").asInt() >= 5, first.toString());
    assertEquals(0, first.path("unreadable").asInt(), first.toString());
    assertEquals(0, reencrypt().path("reencrypted").asInt(), "nothing left to re-encrypt");

    server.stop();
    server.env("PARLEY_ENCRYPTION_KEYS", newKey);
    startServer();
    assertEquals(ADDRESS, chat.slot("address"), "readable without the old key " + generatedId);
    chat.say("yes");
    server.stop();
    assertNotAtRest("after rotation and re-encryption");
  }

  /**
   * Starts the server extracted into a new folder under its own, so that Liberty's logs
   * (messages.log, FFDC) of every start stay in the folder the test scans.
   */
  private static void startServer() {
    server.env("WLP_JAR_EXTRACT_DIR", server.workDir().resolve("extract-" + ++starts).toString());
    server.start();
  }

  private Conversation order() throws IOException {
    Conversation chat = new Conversation(server, "demo", "demo", SENDER);
    chat.say("hi");
    chat.say("I'd like to order a chicken set meal");
    chat.say("large please");
    chat.say(PHONE);
    List<String> confirmation = chat.say(ADDRESS);
    assertTrue(
        String.join(" ", confirmation).contains(PHONE),
        "the bot's reply quotes the phone: " + confirmation);
    return chat;
  }

  private JsonNode reencrypt() throws IOException {
    HttpResponse<String> response =
        server.postJson("/api/admin/maintenance/reencrypt", "{}", ParleyServer.admin());
    assertEquals(200, response.statusCode(), response.body());
    return ParleyServer.json(response);
  }

  /**
   * No file under the server's folder (data dir with the H2 files, console logs, Liberty's logs)
   * holds the phone number or the address, in UTF-8 or UTF-16. The scan is shown to work by finding
   * the sender id, which is stored in plaintext.
   */
  private static void assertNotAtRest(String when) throws IOException {
    List<Path> files = files(server.workDir());
    java.util.Optional<ItDatabase> external = ItDatabase.configured();
    if (external.isPresent()) {
      assertNotInDatabase(external.get().inSchema("it_sensitive"), when);
    } else {
      assertTrue(
          files.stream().anyMatch(file -> file.toString().endsWith(".mv.db")),
          "the H2 database file is scanned: " + files);
    }
    assertTrue(
        files.stream().anyMatch(file -> contains(file, SENDER.getBytes(StandardCharsets.UTF_8))),
        "the scan finds plaintext that is stored (the sender id)");
    for (String secret : List.of(PHONE, ADDRESS)) {
      for (byte[] bytes :
          List.of(
              secret.getBytes(StandardCharsets.UTF_8),
              secret.getBytes(StandardCharsets.UTF_16LE))) {
        for (Path file : files) {
          assertFalse(contains(file, bytes), when + ": " + file + " contains " + secret);
        }
      }
    }
  }

  /** On PostgreSQL: the stored event rows exist, and none holds the values in plaintext. */
  private static void assertNotInDatabase(ItDatabase database, String when) {
    try (java.sql.Connection connection = database.connect();
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet rows =
            statement.executeQuery("select payload from parley_event_batch")) {
      int count = 0;
      while (rows.next()) {
        count++;
        String payload = rows.getString(1);
        for (String secret : List.of(PHONE, ADDRESS)) {
          assertFalse(payload.contains(secret), when + ": a stored row contains " + secret);
        }
      }
      assertTrue(count > 0, "the conversation's rows are in the database");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(file -> !file.toString().contains("/wlp/lib/"))
          .toList();
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    byte[] haystack;
    try {
      haystack = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String logText() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path file : files(server.workDir())) {
      if (file.toString().endsWith(".log")) {
        text.append(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return text.toString().replace("\\/", "/");
  }

  private static void assertLogsSay(String expected) throws IOException {
    assertTrue(logText().contains(expected), "the log says: " + expected);
  }

  private static String keyLine(Path keyFile) throws IOException {
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        keys.add(line.strip());
      }
    }
    assertEquals(1, keys.size(), "one generated key");
    return keys.get(0);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
