package dev.parley.core.actionserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.DemoBotFiles;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.json.Json;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.AllSlotsReset;
import dev.parley.plugin.conversation.FollowupAction;
import dev.parley.plugin.conversation.Restarted;
import dev.parley.plugin.conversation.SlotSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON of Rasa's action-server protocol, as rasa_sdk writes and reads it. */
class ActionServerProtocolTest {

  private static Domain domain;

  @BeforeAll
  static void demoDomain() throws Exception {
    domain = new BotProjectParser(name -> Optional.empty()).parse(DemoBotFiles.load()).domain();
  }

  @Test
  void eventsAnActionServerReturnsAreRead() {
    String body =
        """
        {"events": [
          {"event": "slot", "timestamp": null, "name": "size", "value": "large"},
          {"event": "slot", "name": "phone", "value": null},
          {"event": "followup", "timestamp": 1700000000.5, "name": "utter_greet"},
          {"event": "active_loop", "name": "order_form"},
          {"event": "form", "name": null},
          {"event": "reset_slots"},
          {"event": "restart"},
          {"event": "action", "name": "action_listen", "policy": null, "confidence": null},
          {"event": "bot", "text": "Checked.", "data": {"buttons": [{"title": "ok", "payload": "/affirm"}]}},
          {"event": "reminder", "name": "r", "intent": "greet", "date_time": "2030-01-01T00:00:00"}
        ],
        "responses": []}
        """;
    ActionResult result = ActionServerReply.parse("action_x", body);
    assertEquals(8, result.events().size(), result.events().toString());
    SlotSet size = assertInstanceOf(SlotSet.class, result.events().get(0));
    assertEquals("large", size.value());
    assertTrue(size.timestamp() > 0, "a missing timestamp becomes now");
    assertEquals(null, ((SlotSet) result.events().get(1)).value());
    assertEquals(
        "utter_greet", assertInstanceOf(FollowupAction.class, result.events().get(2)).name());
    assertEquals("order_form", assertInstanceOf(ActiveLoop.class, result.events().get(3)).name());
    assertEquals(null, assertInstanceOf(ActiveLoop.class, result.events().get(4)).name());
    assertInstanceOf(AllSlotsReset.class, result.events().get(5));
    assertInstanceOf(Restarted.class, result.events().get(6));
    assertInstanceOf(ActionExecuted.class, result.events().get(7));
    assertEquals(1, result.responses().size(), "bot events are sent as messages");
    assertEquals("Checked.", result.responses().get(0).text());
    assertEquals("/affirm", result.responses().get(0).buttons().get(0).payload());
  }

  @Test
  void eventsRoundTripThroughRasaJson() throws Exception {
    for (var event :
        List.of(
            SlotSet.of("size", "large"),
            FollowupAction.of("utter_greet"),
            ActiveLoop.of("order_form"),
            ActiveLoop.of(null))) {
      String json = Json.mapper().writeValueAsString(event);
      ActionResult result =
          ActionServerReply.parse("a", "{\"events\": [" + json + "], \"responses\": []}");
      assertEquals(event, result.events().get(0), json);
    }
  }

  @Test
  void responsesByNameKeepTheirTemplateVariables() {
    String body =
        """
        {"events": [], "responses": [
          {"response": "utter_in_stock", "item": "chicken", "count": 3, "text": null,
           "buttons": [], "elements": [], "custom": {}, "template": null, "image": null,
           "attachment": null},
          {"template": "utter_greet"},
          {"text": "plain", "image": "http://img/x.png", "custom": {"k": 1},
           "attachment": {"type": "file"}}
        ]}
        """;
    List<BotResponse> responses = ActionServerReply.parse("a", body).responses();
    assertEquals("utter_in_stock", responses.get(0).response());
    assertEquals(Map.of("item", "chicken", "count", 3), responses.get(0).arguments());
    assertEquals("utter_greet", responses.get(1).response());
    assertEquals("plain", responses.get(2).text());
    assertEquals("http://img/x.png", responses.get(2).image());
    assertEquals(Map.of("k", 1, "attachment", Map.of("type", "file")), responses.get(2).custom());
  }

  @Test
  void unreadableAnswersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ActionServerReply.parse("a", "<html>"));
    assertThrows(IllegalArgumentException.class, () -> ActionServerReply.parse("a", "[]"));
  }

  @Test
  void requestHasRasaFieldNames() {
    Tracker tracker =
        Tracker.fromStored(
            new ConversationKey("t", "b", "ann"),
            domain.slots(),
            List.of(ActionExecuted.of("action_listen", null, null), SlotSet.of("size", "large")));
    JsonNode body =
        Json.mapper().valueToTree(ActionServerRequest.body("action_check_stock", tracker, domain));
    assertEquals(
        List.of("next_action", "sender_id", "tracker", "domain", "version"),
        iterable(body.fieldNames()));
    assertEquals("action_check_stock", body.path("next_action").asText());
    assertEquals("ann", body.path("sender_id").asText());
    assertTrue(body.path("version").asText().startsWith("3."));
    JsonNode state = body.path("tracker");
    assertEquals("ann", state.path("sender_id").asText());
    assertEquals("large", state.path("slots").path("size").asText());
    assertEquals(2, state.path("events").size());
    assertEquals("slot", state.path("events").get(1).path("event").asText());
    assertTrue(state.has("latest_message") && state.has("active_loop") && state.has("paused"));
  }

  @Test
  void domainIsRasasDomainDict() {
    JsonNode dict = Json.mapper().valueToTree(DomainDict.of(domain));
    for (String key :
        List.of(
            "version",
            "intents",
            "entities",
            "slots",
            "responses",
            "actions",
            "forms",
            "session_config")) {
      assertTrue(dict.has(key), key);
    }
    JsonNode size = dict.path("slots").path("size");
    assertTrue(size.path("type").isTextual());
    assertTrue(size.path("influence_conversation").isBoolean());
    assertTrue(size.path("mappings").get(0).path("type").asText().startsWith("from_"));
    assertEquals(
        "meal_kind", dict.path("forms").path("order_form").path("required_slots").get(0).asText());
    assertTrue(dict.path("responses").path("utter_greet").get(0).has("text"));
    assertTrue(dict.path("session_config").has("carry_over_slots_to_new_session"));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
