package dev.parley.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.LoopInterrupted;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void userEventUsesRasaNames() throws Exception {
    IntentPrediction intent = new IntentPrediction("greet", 0.93);
    UserUttered user =
        new UserUttered(
            "hi",
            new ParseResult(
                "hi", intent, List.of(intent), List.of(Entity.of("name", "Ann", 0, 2, 0.9, "X"))),
            "rest",
            "m1",
            12.5,
            Map.of());
    JsonNode json = Json.mapper().valueToTree(user);
    assertEquals("user", json.path("event").asText());
    assertEquals("greet", json.path("parse_data").path("intent").path("name").asText());
    assertEquals(1, json.path("parse_data").path("intent_ranking").size());
    assertEquals(
        0.9, json.path("parse_data").path("entities").get(0).path("confidence_entity").asDouble());
    assertEquals("rest", json.path("input_channel").asText());
    assertEquals("m1", json.path("message_id").asText());
    assertEquals(12.5, json.path("timestamp").asDouble());
    assertEquals("classifier", json.path("parse_data").path("parley").path("decided_by").asText());
  }

  @Test
  void theDecisionIsParleysExtraFieldAndSurvivesARoundTrip() throws Exception {
    IntentPrediction intent = new IntentPrediction("bye", 0.9);
    NluDecision decision =
        new NluDecision(
            "LlmFewShotRecheck",
            List.of(
                new NluDecision.StageVerdict("EmbeddingFewShotRecheck", "timeout", null, 0),
                new NluDecision.StageVerdict("LlmFewShotRecheck", "changed", "bye", 0.9)));
    UserUttered user =
        new UserUttered(
            "ciao",
            new ParseResult("ciao", intent, List.of(intent), List.of(), null, decision),
            "rest",
            "m2",
            1.0,
            Map.of());
    String text = Json.mapper().writerFor(Event.class).writeValueAsString(user);
    JsonNode parley = Json.mapper().readTree(text).path("parse_data").path("parley");
    assertEquals("LlmFewShotRecheck", parley.path("decided_by").asText());
    assertEquals("timeout", parley.path("stages").get(0).path("outcome").asText());
    assertEquals(
        decision,
        ((UserUttered) Json.mapper().readValue(text, Event.class)).parseData().decision());
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(text);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("parse_data")).remove("parley");
    String old = tree.toString();
    assertTrue(!old.contains("parley"), old);
    assertEquals(
        "classifier",
        ((UserUttered) Json.mapper().readValue(old, Event.class))
            .parseData()
            .decision()
            .decidedBy());
  }

  @Test
  void timestampsAreWrittenAsPlainEpochSeconds() throws Exception {
    String json =
        Json.mapper().writeValueAsString(new SlotSet("a", 0.25, 1795509436.745, Map.of()));
    assertTrue(json.contains("\"timestamp\":1795509436.745"), json);
    assertTrue(json.contains("\"value\":0.25"), json);
  }

  @Test
  void everyEventSurvivesARoundTrip() throws Exception {
    List<Event> events =
        List.of(
            SlotSet.of("size", "large"),
            ActiveLoop.of(null),
            LoopInterrupted.of(true),
            ActionExecuted.of("utter_greet", "RulePolicy", 1.0));
    for (Event event : events) {
      String json = Json.mapper().writerFor(Event.class).writeValueAsString(event);
      assertEquals(event, Json.mapper().readValue(json, Event.class), json);
    }
    JsonNode loop = Json.mapper().valueToTree(ActiveLoop.of(null));
    assertTrue(loop.has("name") && loop.path("name").isNull(), loop.toString());
    assertEquals("active_loop", loop.path("event").asText());
    JsonNode interrupted = Json.mapper().valueToTree(LoopInterrupted.of(true));
    assertTrue(interrupted.path("is_interrupted").asBoolean(), interrupted.toString());
  }
}
