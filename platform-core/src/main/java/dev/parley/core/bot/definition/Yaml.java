package dev.parley.core.bot.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML read as SnakeYAML Engine nodes, so that every value keeps its line for error messages. YAML
 * 1.2 with its core schema, as Rasa reads it: {@code yes}, {@code no}, {@code on} and {@code off}
 * are strings, only {@code true} and {@code false} (in any of their three spellings) are booleans.
 */
final class Yaml {

  private Yaml() {}

  /** The document's root node, or empty (with an error) when the YAML is broken. */
  static Optional<Node> parse(String file, String text, Problems problems) {
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setLabel(file)
              .setSchema(new CoreSchema())
              .setAllowDuplicateKeys(false)
              .setMaxAliasesForCollections(50)
              .build();
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
      problems.error(file, line, "invalid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      problems.error(file, 0, "invalid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  static int line(Node node) {
    return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
  }

  /** The keys and values of a mapping, in order; empty for anything else. */
  static Map<String, Node> mapping(Node node) {
    Map<String, Node> entries = new LinkedHashMap<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          entries.put(key.getValue(), tuple.getValueNode());
        }
      }
    }
    return entries;
  }

  /** The line of each key of a mapping; empty for anything else. */
  static Map<String, Integer> keyLines(Node node) {
    Map<String, Integer> lines = new LinkedHashMap<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          lines.put(key.getValue(), line(key));
        }
      }
    }
    return lines;
  }

  static boolean isMapping(Node node) {
    return node instanceof MappingNode;
  }

  static boolean isSequence(Node node) {
    return node instanceof SequenceNode;
  }

  static boolean isScalar(Node node) {
    return node instanceof ScalarNode;
  }

  /** The items of a sequence; empty for anything else. */
  static List<Node> sequence(Node node) {
    return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
  }

  /** A scalar's text, if the node is a non-null scalar. */
  static Optional<String> text(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
      return Optional.of(scalar.getValue());
    }
    return Optional.empty();
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  /** A node as plain Java values: maps, lists, strings, numbers, booleans and null. */
  static Object value(Node node) {
    if (node instanceof MappingNode) {
      Map<String, Object> map = new LinkedHashMap<>();
      mapping(node).forEach((key, child) -> map.put(key, value(child)));
      return map;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      sequence.getValue().forEach(child -> list.add(value(child)));
      return list;
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    String raw = scalar.getValue();
    try {
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.valueOf(raw.equalsIgnoreCase("true"));
      }
      if (tag.equals(Tag.INT)) {
        return Long.valueOf(raw.replace("_", ""));
      }
      if (tag.equals(Tag.FLOAT)) {
        return Double.valueOf(raw.replace("_", ""));
      }
    } catch (NumberFormatException e) {
      return raw;
    }
    return raw;
  }

  /** A list of strings from a scalar or a sequence of scalars. */
  static List<String> strings(Node node) {
    if (isScalar(node)) {
      return text(node).map(List::of).orElse(List.of());
    }
    List<String> values = new ArrayList<>();
    for (Node item : sequence(node)) {
      text(item).ifPresent(values::add);
    }
    return values;
  }
}
