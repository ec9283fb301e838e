package dev.parley.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of a value loaded by SnakeYAML (maps, lists, scalars) that navigates without
 * casts; a missing key or index gives a missing node rather than an exception.
 */
final class YamlNode {

  private static final YamlNode MISSING = new YamlNode(null, "(missing)");

  private final Object value;
  private final String path;

  private YamlNode(Object value, String path) {
    this.value = value;
    this.path = path;
  }

  /** The root node of a loaded document. */
  static YamlNode of(Object value, String name) {
    return new YamlNode(value, name);
  }

  /** The value of a key of this map, or a missing node. */
  YamlNode get(String key) {
    if (value instanceof Map<?, ?> map && map.containsKey(key)) {
      return new YamlNode(map.get(key), path + "." + key);
    }
    return new YamlNode(null, path + "." + key);
  }

  /** The value at a path of keys. */
  YamlNode at(String... keys) {
    YamlNode node = this;
    for (String key : keys) {
      node = node.get(key);
    }
    return node;
  }

  /** The items of this list (none if it is not a list). */
  List<YamlNode> items() {
    if (value instanceof List<?> list) {
      return java.util.stream.IntStream.range(0, list.size())
          .mapToObj(i -> new YamlNode(list.get(i), path + "[" + i + "]"))
          .toList();
    }
    return List.of();
  }

  /** The first item of this list whose key has this value. */
  Optional<YamlNode> itemWith(String key, String expected) {
    return items().stream().filter(item -> expected.equals(item.get(key).text())).findFirst();
  }

  /** The keys of this map (none if it is not a map). */
  List<String> keys() {
    if (value instanceof Map<?, ?> map) {
      return map.keySet().stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** Whether there is a value here. */
  boolean exists() {
    return value != null;
  }

  /** The scalar as text, or null when missing. */
  String text() {
    return value == null || value instanceof Map || value instanceof List
        ? null
        : String.valueOf(value);
  }

  /** The scalar as an integer, or -1 when missing or not a number. */
  int integer() {
    return value instanceof Number number ? number.intValue() : -1;
  }

  /** Where this node is, for assertion messages. */
  String path() {
    return path;
  }

  @Override
  public String toString() {
    return path + " = " + value;
  }

  /** A node for nothing (e.g. a resource that is not there). */
  static YamlNode missing() {
    return MISSING;
  }
}
