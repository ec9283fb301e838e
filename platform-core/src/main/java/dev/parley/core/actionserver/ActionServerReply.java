package dev.parley.core.actionserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.core.json.Json;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.bot.ResponseVariation.Button;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.Event;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reads an action server's 200 answer, {@code {"events": [...], "responses": [...]}}: responses are
 * dispatcher messages (literal parts, or a domain response named by {@code response} or the legacy
 * {@code template}, with the other keys as template variables); {@code bot} events among the events
 * are sent as messages too, as Rasa does.
 */
final class ActionServerReply {

  private static final Logger LOG = Logger.getLogger(ActionServerReply.class.getName());
  private static final Set<String> MESSAGE_KEYS =
      Set.of(
          "text",
          "buttons",
          "image",
          "custom",
          "attachment",
          "elements",
          "quick_replies",
          "response",
          "template",
          "recipient_id",
          "channel");
  private static final Set<String> SUPPORTED_EVENTS =
      Set.of(
          "slot",
          "followup",
          "active_loop",
          "form",
          "loop_interrupted",
          "restart",
          "reset_slots",
          "rewind",
          "undo",
          "pause",
          "resume",
          "action",
          "action_execution_rejected",
          "session_started",
          "user");

  private ActionServerReply() {}

  /**
   * The action's result.
   *
   * @throws IllegalArgumentException when the body is not a valid answer
   */
  static ActionResult parse(String action, String body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the answer is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the answer is not a JSON object");
    }
    List<BotResponse> responses = new ArrayList<>();
    for (JsonNode message : root.path("responses")) {
      responses.add(response(message));
    }
    List<Event> events = new ArrayList<>();
    for (JsonNode event : root.path("events")) {
      String type = event.path("event").asText("");
      if (type.equals(BotUttered.TYPE)) {
        responses.add(botEventAsResponse(event));
      } else if (SUPPORTED_EVENTS.contains(type)) {
        events.add(event(event));
      } else {
        LOG.warning(
            () -> "action " + action + " returned an event '" + type + "' Parley does not apply");
      }
    }
    return new ActionResult(responses, events);
  }

  private static Event event(JsonNode node) {
    ObjectNode event = ((ObjectNode) node).deepCopy();
    if (event.path("event").asText().equals("form")) {
      event.put("event", "active_loop");
    }
    if (!event.path("timestamp").isNumber()) {
      event.put("timestamp", Event.now());
    }
    if (event.path("metadata").isNull()) {
      event.remove("metadata");
    }
    try {
      return Json.mapper().treeToValue(event, Event.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "unreadable '" + event.path("event").asText() + "' event: " + e.getOriginalMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static BotResponse response(JsonNode message) {
    String name = text(message, "response");
    if (name == null) {
      name = text(message, "template");
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = message.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!MESSAGE_KEYS.contains(field.getKey()) && !field.getValue().isNull()) {
        arguments.put(field.getKey(), Json.mapper().convertValue(field.getValue(), Object.class));
      }
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    if (message.path("custom").isObject()) {
      custom.putAll(Json.mapper().convertValue(message.get("custom"), Map.class));
    }
    for (String extra : List.of("attachment", "elements", "quick_replies")) {
      JsonNode value = message.path(extra);
      if (!value.isMissingNode() && !value.isNull() && !(value.isArray() && value.isEmpty())) {
        custom.put(extra, Json.mapper().convertValue(value, Object.class));
      }
    }
    return new BotResponse(
        text(message, "text"),
        buttons(message.path("buttons")),
        text(message, "image"),
        custom,
        name,
        arguments);
  }

  @SuppressWarnings("unchecked")
  private static BotResponse botEventAsResponse(JsonNode event) {
    JsonNode data = event.path("data");
    Map<String, Object> custom =
        data.path("custom").isObject()
            ? Json.mapper().convertValue(data.get("custom"), Map.class)
            : Map.of();
    return new BotResponse(
        text(event, "text"),
        buttons(data.path("buttons")),
        text(data, "image"),
        custom,
        null,
        null);
  }

  private static List<Button> buttons(JsonNode buttons) {
    List<Button> list = new ArrayList<>();
    for (JsonNode button : buttons) {
      list.add(new Button(button.path("title").asText(""), button.path("payload").asText("")));
    }
    return list;
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.path(key);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
