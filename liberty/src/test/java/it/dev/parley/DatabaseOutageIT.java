package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transient database failures, in the PostgreSQL run only: lost connections are retried unseen; a
 * stopped database gives the user the apology and API callers 503 {@code database_unavailable};
 * after it is back, turns work and nothing was stored twice or half.
 */
class DatabaseOutageIT {

  private static final String APOLOGY_START = "Sorry, something went wrong";
  private static final String BOT = "/api/tenants/demo/bots/demo";

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
  void aStoppedDatabaseGivesTheApologyAnd503ThenTurnsWorkAgain() throws IOException {
    assumeTrue(ItDatabase.controllable(), "only when the tests may stop the database");
    String sender = "it-outage-" + System.nanoTime();
    Conversation chat = new Conversation(server, "demo", "demo", sender);
    chat.say("hi");

    ItDatabase.stopServer();
    try {
      List<String> cached = chat.say("I want a chicken set meal");
      assertEquals(1, cached.size());
      assertTrue(cached.get(0).startsWith(APOLOGY_START), "a stored-to-fail turn: " + cached);
      List<String> uncached =
          new Conversation(server, "demo", "demo", sender + "-new").say("hello");
      assertTrue(uncached.get(0).startsWith(APOLOGY_START), "a load-to-fail turn: " + uncached);
      HttpResponse<String> tracker = server.get(BOT + "/conversations/" + sender + "-x/tracker");
      assertEquals(503, tracker.statusCode(), tracker.body());
      assertEquals("database_unavailable", ParleyServer.json(tracker).path("error").asText());
    } finally {
      ItDatabase.startServer();
    }

    List<String> after = chat.say("I want a chicken set meal");
    assertTrue(after.stream().noneMatch(text -> text.startsWith(APOLOGY_START)), after.toString());
    assertEquals(
        List.of("hi", "I want a chicken set meal"),
        userTexts(chat),
        "the failed turn stored nothing, the later one once");
    assertEquals("chicken", chat.slot("meal_kind"));
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
