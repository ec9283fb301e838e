package dev.parley.core.nlu.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled NLU data: JSONL lines {@code {"text", "intent", "entities": [{"start", "end", "entity",
 * "value"}]}} (optional {@code role}, {@code group}) or Rasa's {@code nlu.yml}. Which one is told
 * by the first character: {@code {} starts JSONL.
 */
public final class LabelledData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelledData() {}

  /**
   * Reads JSONL or Rasa NLU YAML.
   *
   * @throws IllegalArgumentException naming the line of the first problem in JSONL
   * @throws dev.parley.core.bot.definition.BotDefinitionException with the problems in YAML
   */
  public static List<NluExample> read(String text) {
    return text.stripLeading().startsWith("{")
        ? jsonl(text)
        : new BotProjectParser().parseNluExamples("nlu.yml", text);
  }

  /** Reads JSONL lines (blank lines are skipped). */
  public static List<NluExample> jsonl(String text) {
    List<NluExample> examples = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        examples.add(line(lines[i], i + 1));
      }
    }
    return examples;
  }

  private static NluExample line(String line, int number) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("line " + number + " is not JSON");
    }
    String text = node.path("text").asText(null);
    String intent = node.path("intent").asText(null);
    if (!node.path("text").isTextual() || text.isBlank()) {
      throw new IllegalArgumentException("line " + number + " has no 'text'");
    }
    if (!node.path("intent").isTextual() || intent.isBlank()) {
      throw new IllegalArgumentException("line " + number + " has no 'intent'");
    }
    List<EntityAnnotation> entities = new ArrayList<>();
    for (JsonNode entity : node.path("entities")) {
      int start = entity.path("start").asInt(-1);
      int end = entity.path("end").asInt(-1);
      String type = entity.path("entity").asText("");
      if (start < 0 || end <= start || end > text.length() || type.isEmpty()) {
        throw new IllegalArgumentException(
            "line "
                + number
                + " has an entity without a type or with start/end outside the text"
                + " (0 <= start < end <= "
                + text.length()
                + ")");
      }
      String value =
          entity.hasNonNull("value") ? entity.get("value").asText() : text.substring(start, end);
      entities.add(
          new EntityAnnotation(
              start,
              end,
              type,
              value,
              entity.path("role").asText(null),
              entity.path("group").asText(null)));
    }
    return new NluExample(text, intent, entities);
  }
}
