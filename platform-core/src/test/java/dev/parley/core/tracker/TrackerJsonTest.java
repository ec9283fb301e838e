package dev.parley.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.TestDomains;
import dev.parley.core.json.Json;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.SlotSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerJsonTest {

  @Test
  void trackerJsonHasRasaShapeAndNamedEvents() {
    Tracker tracker =
        Tracker.fromStored(
            new ConversationKey("t", "b", "ann"), TestDomains.food().slots(), List.of());
    tracker.append(ActionExecuted.of("order_form", "RulePolicy", 1.0));
    tracker.append(ActiveLoop.of("order_form"));
    tracker.append(SlotSet.of("requested_slot", "size"));
    JsonNode json = Json.mapper().valueToTree(TrackerJson.tracker(tracker, "AFTER_RESTART"));
    assertEquals("ann", json.path("sender_id").asText());
    assertEquals("size", json.path("slots").path("requested_slot").asText());
    assertEquals("order_form", json.path("active_loop").path("name").asText());
    assertEquals("order_form", json.path("latest_action_name").asText());
    assertEquals("action", json.path("events").get(0).path("event").asText());
    assertEquals("active_loop", json.path("events").get(1).path("event").asText());
    assertEquals("slot", json.path("events").get(2).path("event").asText());
    JsonNode state = Json.mapper().valueToTree(TrackerJson.state(tracker, 10));
    assertEquals("order_form", state.path("active_form").asText());
    assertEquals("size", state.path("requested_slot").asText());
  }
}
