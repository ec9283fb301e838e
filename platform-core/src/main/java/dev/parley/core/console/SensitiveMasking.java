package dev.parley.core.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a tenant viewer sees of a conversation: sensitive values replaced by {@value #MASK}. */
public final class SensitiveMasking {

  /** What a masked value shows. */
  public static final String MASK = "••••";

  private SensitiveMasking() {}

  /**
   * Masks, for a viewer, every sensitive value of the conversation wherever it appears: slot events
   * of sensitive slots, entities of the same name, and any text that contains such a value (the
   * user's message, the bot's reply quoting it, parse data).
   */
  public static void maskEvents(List<JsonNode> events, Set<String> sensitive) {
    Set<String> values = new HashSet<>();
    for (JsonNode event : events) {
      String type = event.path("event").asText();
      if (type.equals("slot") && sensitive.contains(event.path("name").asText())) {
        addValue(values, event.path("value"));
      }
      for (JsonNode entity : event.path("parse_data").path("entities")) {
        if (sensitive.contains(entity.path("entity").asText())) {
          addValue(values, entity.path("value"));
        }
      }
    }
    for (JsonNode event : events) {
      if (event.path("event").asText().equals("slot")
          && sensitive.contains(event.path("name").asText())
          && event instanceof ObjectNode node
          && !node.path("value").isNull()) {
        node.put("value", MASK);
      }
      maskTexts(event, values);
    }
  }

  private static void addValue(Set<String> values, JsonNode value) {
    if (value.isValueNode() && !value.isNull() && value.asText().strip().length() >= 2) {
      values.add(value.asText().strip());
    }
  }

  private static void maskTexts(JsonNode node, Set<String> values) {
    if (node instanceof ObjectNode object) {
      var names = new ArrayList<String>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        if (child.isTextual()) {
          object.put(name, masked(child.asText(), values));
        } else {
          maskTexts(child, values);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (child.isTextual()) {
          array.set(i, array.textNode(masked(child.asText(), values)));
        } else {
          maskTexts(child, values);
        }
      }
    }
  }

  private static String masked(String text, Set<String> values) {
    String out = text;
    for (String value : values) {
      out = out.replace(value, MASK);
    }
    return out;
  }
}
