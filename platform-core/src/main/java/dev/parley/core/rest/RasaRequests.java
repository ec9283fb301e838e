package dev.parley.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.core.json.Json;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bodies and parameters of Rasa's HTTP API as Rasa does, failing with Rasa's 400 {@code
 * BadRequest} and the parameter at fault.
 */
final class RasaRequests {

  private static final int MAX_BODY_BYTES = 1 << 20;

  /** Rasa's {@code include_events} values. */
  static final Set<String> VERBOSITIES = Set.of("ALL", "AFTER_RESTART", "APPLIED", "NONE");

  /** The event types Parley's trackers hold. */
  static final Set<String> EVENT_TYPES =
      Set.of(
          "user",
          "bot",
          "action",
          "slot",
          "active_loop",
          "loop_interrupted",
          "restart",
          "session_started",
          "followup",
          "reset_slots",
          "rewind",
          "undo",
          "pause",
          "resume",
          "action_execution_rejected");

  private RasaRequests() {}

  /** The JSON body; 400 when it is missing, too large or not JSON. */
  static JsonNode body(InputStream stream, String missing) {
    byte[] bytes;
    try {
      bytes = stream == null ? new byte[0] : stream.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw RasaError.badRequest("The request body could not be read.", "", "body");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new RasaError(413, "PayloadTooLarge", "The request body exceeds 1 MiB.", Map.of());
    }
    if (bytes.length == 0) {
      throw RasaError.badRequest(missing, "", "body");
    }
    try {
      return Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw RasaError.badRequest("The request body is not valid JSON.", "", "body");
    }
  }

  /**
   * The {@code include_events} value, upper case ({@code AFTER_RESTART} when absent); 400 for
   * anything else than Rasa's four.
   */
  static String verbosity(String value) {
    String verbosity =
        value == null || value.isBlank() ? "AFTER_RESTART" : value.toUpperCase(Locale.ROOT);
    if (!VERBOSITIES.contains(verbosity)) {
      throw RasaError.badRequest(
          "Invalid parameter value for 'include_events'. Should be one of ALL, AFTER_RESTART,"
              + " APPLIED, NONE",
          "include_events",
          "query");
    }
    return verbosity;
  }

  /** A required text field of the body; 400 naming it when missing. */
  static String text(JsonNode body, String field, String message) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw RasaError.badRequest(message, field, "body");
    }
    return value.textValue();
  }

  /** One event or a list of them; 400 when one is not an event Parley's trackers hold. */
  static List<Event> events(JsonNode body) {
    List<JsonNode> items = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(items::add);
    } else {
      items.add(body);
    }
    if (items.isEmpty()) {
      throw RasaError.badRequest(
          "Couldn't extract a proper event from the request body.", "", "body");
    }
    double now = Event.now();
    List<Event> events = new ArrayList<>();
    for (JsonNode item : items) {
      events.add(event(item, now));
    }
    return events;
  }

  private static Event event(JsonNode item, double now) {
    String type = item.path("event").asText("");
    if (!item.isObject() || !EVENT_TYPES.contains(type)) {
      throw RasaError.badRequest(
          "Couldn't extract a proper event from the request body: "
              + (type.isEmpty() ? "an item has no 'event'" : "unsupported event '" + type + "'")
              + ".",
          "",
          "body");
    }
    ObjectNode copy = ((ObjectNode) item).deepCopy();
    if (!copy.path("timestamp").isNumber()) {
      copy.put("timestamp", now);
    }
    if (Set.of("slot", "action", "followup").contains(type) && !copy.path("name").isTextual()) {
      throw RasaError.badRequest("The '" + type + "' event needs a 'name'.", "name", "body");
    }
    try {
      return Json.mapper().treeToValue(copy, Event.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw RasaError.badRequest(
          "Couldn't extract a proper event from the request body: " + e.getMessage(), "", "body");
    }
  }

  /**
   * Rasa's {@code entities} of {@code trigger_intent}: a map of entity to value, or a list of
   * entities; absent means none.
   */
  static List<Entity> entities(JsonNode value) {
    List<Entity> entities = new ArrayList<>();
    if (value == null || value.isMissingNode() || value.isNull()) {
      return entities;
    }
    if (value.isObject()) {
      value
          .fields()
          .forEachRemaining(
              field ->
                  entities.add(
                      entity(
                          field.getKey(),
                          Json.mapper().convertValue(field.getValue(), Object.class))));
      return entities;
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.path("entity").isTextual() || !item.has("value")) {
          throw RasaError.badRequest(
              "Each entity needs an 'entity' and a 'value'.", "entities", "body");
        }
        entities.add(
            entity(
                item.path("entity").textValue(),
                Json.mapper().convertValue(item.get("value"), Object.class)));
      }
      return entities;
    }
    throw RasaError.badRequest(
        "'entities' must be a map of entity to value or a list of entities.", "entities", "body");
  }

  private static Entity entity(String name, Object value) {
    return new Entity(name, value, 0, 0, 1.0, "external", null, null, List.of());
  }

  /** A {@code parse_data} of Rasa's {@code messages}; 400 when it has no intent name. */
  static ParseResult parseData(JsonNode value, String text) {
    if (!value.path("intent").path("name").isTextual()) {
      throw RasaError.badRequest(
          "'parse_data' needs an 'intent' with a 'name'.", "parse_data", "body");
    }
    try {
      ParseResult parse = Json.mapper().treeToValue(value, ParseResult.class);
      return parse.text() == null ? parse.withText(text) : parse;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw RasaError.badRequest(
          "'parse_data' is not a parse result: " + e.getMessage(), "parse_data", "body");
    }
  }
}
