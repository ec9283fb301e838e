package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A conversation long enough to be snapshotted (more than 400 events) keeps its state, goes on
 * answering, and its full history stays readable through the tracker API.
 */
class LongConversationIT {

  private static final Pattern SNAPSHOTS =
      Pattern.compile("(?m)^parley_tracker_snapshots_total\\S*\\s+([0-9.]+)");

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void aSnapshottedConversationKeepsItsStateAndItsWholeHistory() throws IOException {
    double snapshotsBefore = snapshots();
    Conversation conversation =
        new Conversation(server, "demo", "demo", "it-long-" + System.nanoTime());
    conversation.say("I'd like to order a chicken set meal");
    conversation.say("large please");
    int turns = 2;
    while (conversation.tracker().path("events").size() < 600) {
      assertTrue(conversation.say("hello").size() > 0);
      turns++;
    }
    assertTrue(snapshots() > snapshotsBefore, "the conversation was snapshotted");

    JsonNode tracker = conversation.tracker();
    assertEquals("chicken", tracker.path("slots").path("meal_kind").asText());
    assertEquals("large", tracker.path("slots").path("size").asText());
    int userEvents = 0;
    for (JsonNode event : tracker.path("events")) {
      if (event.path("event").asText().equals("user")) {
        userEvents++;
      }
    }
    assertEquals(turns, userEvents, "the tracker API returns every turn, from the first");
    assertEquals(
        "I'd like to order a chicken set meal",
        firstUserText(tracker),
        "the history starts at the beginning, not at the snapshot");
    JsonNode state =
        ParleyServer.json(
            server.get(
                "/api/tenants/demo/bots/demo/conversations/"
                    + tracker.path("sender_id").asText()
                    + "/state"));
    assertEquals("large", state.path("slots").path("size").asText());
  }

  private static String firstUserText(JsonNode tracker) {
    for (JsonNode event : tracker.path("events")) {
      if (event.path("event").asText().equals("user")) {
        return event.path("text").asText();
      }
    }
    return "";
  }

  private double snapshots() throws IOException {
    Matcher matcher = SNAPSHOTS.matcher(server.get("/metrics?scope=application").body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
