package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Transient database failures, in the PostgreSQL run only: lost connections are retried unseen; a
 * stopped database gives channel and API callers alike 503 {@code database_unavailable}, and a
 * database that stops answering (its table locked here; a network partition in production) makes
 * the server refuse new turns at once instead of queueing them; afterwards turns work and nothing
 * was stored twice or half.
 */
class DatabaseOutageIT {

  private static final String APOLOGY_START = "Sorry, something went wrong";
  private static final String BOT = "/api/tenants/demo/bots/demo";

  /** A little longer than the event writer's stall limit (5 s). */
  private static final long STALL_MILLIS = 6_500;

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void aTurnSurvivesItsConnectionsBeingKilled() throws IOException, SQLException {
    ItDatabase db = ItDatabase.configured().orElse(null);
    assumeTrue(db != null, "only with an external database");
    Conversation chat = new Conversation(server, "demo", "demo", "it-killed-" + System.nanoTime());
    chat.say("hi");

    terminateServerConnections(db);
    List<String> reply = chat.say("I want a chicken set meal");

    assertTrue(reply.stream().noneMatch(text -> text.startsWith(APOLOGY_START)), reply.toString());
    assertEquals(List.of("hi", "I want a chicken set meal"), userTexts(chat));
  }

  @Test
  void aStoppedDatabaseGives503ThenTheResentTurnIsDoneOnce() throws IOException {
    assumeTrue(ItDatabase.controllable(), "only when the tests may stop the database");
    String sender = "it-outage-" + System.nanoTime();
    Conversation chat = new Conversation(server, "demo", "demo", sender);
    chat.say("hi");

    ItDatabase.stopServer();
    try {
      assertUnavailable(webhook(sender, "I want a chicken set meal", "outage-1"), "a cached turn");
      assertUnavailable(webhook(sender + "-new", "hello", null), "a conversation to load");
      assertUnavailable(server.get(BOT + "/conversations/" + sender + "-x/tracker"), "the API");
    } finally {
      ItDatabase.startServer();
    }

    HttpResponse<String> resent = webhook(sender, "I want a chicken set meal", "outage-1");
    assertEquals(200, resent.statusCode(), resent.body());
    assertTrue(!resent.body().contains(APOLOGY_START), resent.body());
    assertEquals(
        List.of("hi", "I want a chicken set meal"),
        userTexts(chat),
        "the refused turn stored nothing, the resent one once");
    assertEquals("chicken", chat.slot("meal_kind"));
  }

  @Test
  void aDatabaseThatStopsAnsweringRefusesNewTurnsAtOnceAndTheWaitingTurnCompletes()
      throws Exception {
    ItDatabase db = ItDatabase.configured().orElse(null);
    assumeTrue(db != null, "only with an external database");
    String sender = "it-stall-" + System.nanoTime();
    Conversation chat = new Conversation(server, "demo", "demo", sender);
    chat.say("hi");
    ExecutorService waiting = Executors.newSingleThreadExecutor();
    try (Connection lock = db.connect()) {
      lock.setAutoCommit(false);
      try (Statement statement = lock.createStatement()) {
        statement.execute("lock table parley_event_batch in exclusive mode");
      }
      Future<HttpResponse<String>> held =
          waiting.submit(() -> webhook(sender, "I want a chicken set meal", "stall-1"));
      Thread.sleep(STALL_MILLIS);
      assertFalse(held.isDone(), "the turn waits for its commit");

      long started = System.nanoTime();
      HttpResponse<String> refused = webhook(sender + "-other", "hello", null);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertUnavailable(refused, "a turn while the writer is stuck");
      assertTrue(tookMillis < 3_000, "refused at once, not queued: " + tookMillis + " ms");

      lock.rollback();
      HttpResponse<String> completed = held.get(30, TimeUnit.SECONDS);
      assertEquals(200, completed.statusCode(), completed.body());
      assertTrue(!completed.body().contains(APOLOGY_START), completed.body());
    } finally {
      waiting.shutdownNow();
    }
    HttpResponse<String> again = webhook(sender + "-other", "hello", null);
    assertEquals(200, again.statusCode(), "served again once the database answers");
    assertEquals(List.of("hi", "I want a chicken set meal"), userTexts(chat));
  }

  private HttpResponse<String> webhook(String sender, String text, String messageId)
      throws IOException {
    ObjectNode body = ParleyServer.JSON.createObjectNode();
    body.put("sender", sender);
    body.put("message", text);
    if (messageId != null) {
      body.put("message_id", messageId);
    }
    return server.postJson(BOT + "/webhooks/rest/webhook", body.toString());
  }

  private static void assertUnavailable(HttpResponse<String> response, String what)
      throws IOException {
    assertEquals(503, response.statusCode(), what + ": " + response.body());
    assertEquals("1", response.headers().firstValue("Retry-After").orElse(""), what);
    assertEquals("database_unavailable", ParleyServer.json(response).path("error").asText(), what);
  }

  private static void terminateServerConnections(ItDatabase db) throws SQLException {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "select pg_terminate_backend(pid) from pg_stat_activity"
              + " where usename = current_user and pid <> pg_backend_pid()");
    }
  }

  private static List<String> userTexts(Conversation chat) throws IOException {
    List<String> texts = new ArrayList<>();
    for (JsonNode event : chat.tracker().path("events")) {
      if (event.path("event").asText().equals("user")) {
        texts.add(event.path("text").asText());
      }
    }
    return texts;
  }
}
