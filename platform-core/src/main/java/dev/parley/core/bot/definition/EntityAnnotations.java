package dev.parley.core.bot.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rasa's entity annotations in training examples: {@code [text](entity)}, {@code
 * [text](entity:value)} and {@code [text]{"entity": "e", "value": "v", "role": "r", "group": "g"}}
 * (or a list of such objects).
 */
final class EntityAnnotations {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An example with annotations removed.
   *
   * @param text the plain text
   * @param entities the annotations, with offsets into the plain text
   */
  record Parsed(String text, List<EntityAnnotation> entities) {}

  private EntityAnnotations() {}

  /** The plain text and annotations, or the reason the annotation is broken. */
  static Parsed parse(String example) throws AnnotationException {
    StringBuilder plain = new StringBuilder();
    List<EntityAnnotation> entities = new ArrayList<>();
    int i = 0;
    while (i < example.length()) {
      char c = example.charAt(i);
      if (c != '[') {
        plain.append(c);
        i++;
        continue;
      }
      int close = example.indexOf(']', i);
      if (close < 0 || close + 1 >= example.length()) {
        throw new AnnotationException("'[' without a matching ']' and entity");
      }
      String value = example.substring(i + 1, close);
      char open = example.charAt(close + 1);
      int end;
      List<EntityAnnotation> found = new ArrayList<>();
      int start = plain.length();
      if (open == '(') {
        end = example.indexOf(')', close);
        if (end < 0) {
          throw new AnnotationException("'(' without a matching ')' after [" + value + "]");
        }
        String spec = example.substring(close + 2, end).trim();
        if (spec.isEmpty()) {
          throw new AnnotationException("empty entity name after [" + value + "]");
        }
        int colon = spec.indexOf(':');
        String entity = colon < 0 ? spec : spec.substring(0, colon);
        String synonym = colon < 0 ? value : spec.substring(colon + 1);
        found.add(new EntityAnnotation(start, start + value.length(), entity, synonym, null, null));
      } else if (open == '{') {
        end = matchingBrace(example, close + 1);
        String json = example.substring(close + 1, end + 1);
        found.addAll(fromJson(json, value, start));
      } else {
        throw new AnnotationException("[" + value + "] must be followed by (entity) or {json}");
      }
      plain.append(value);
      entities.addAll(found);
      i = end + 1;
    }
    return new Parsed(plain.toString(), entities);
  }

  private static int matchingBrace(String text, int open) throws AnnotationException {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && text.charAt(i - 1) != '\\') {
        inString = !inString;
      } else if (!inString && c == '{') {
        depth++;
      } else if (!inString && c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new AnnotationException("'{' without a matching '}'");
  }

  private static List<EntityAnnotation> fromJson(String json, String value, int start)
      throws AnnotationException {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AnnotationException("entity annotation is not valid JSON: " + json);
    }
    List<EntityAnnotation> annotations = new ArrayList<>();
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    for (JsonNode item : items) {
      String entity = item.path("entity").asText("");
      if (entity.isEmpty()) {
        throw new AnnotationException("entity annotation without \"entity\": " + json);
      }
      annotations.add(
          new EntityAnnotation(
              start,
              start + value.length(),
              entity,
              text(item, "value").orElse(value),
              text(item, "role").orElse(null),
              text(item, "group").orElse(null)));
    }
    return annotations;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** A broken annotation. */
  static final class AnnotationException extends Exception {
    private static final long serialVersionUID = 1L;

    AnnotationException(String message) {
      super(message);
    }
  }
}
