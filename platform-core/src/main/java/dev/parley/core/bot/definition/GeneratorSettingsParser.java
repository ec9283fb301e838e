package dev.parley.core.bot.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code parley.generator} from {@code config.yml}, reporting problems with their line. */
final class GeneratorSettingsParser {

  private static final String FILE = ConfigParser.FILE;
  private static final Set<String> CORE_KEYS =
      Set.of(
          "name",
          "connection",
          "responses",
          "instructions",
          "memory_turns",
          "timeout_ms",
          "max_reply_chars",
          "allow_sensitive_slots",
          "checks");

  private final Problems problems;

  GeneratorSettingsParser(Problems problems) {
    this.problems = problems;
  }

  Optional<GeneratorSettings> read(Node node) {
    if (node == null || Yaml.isNull(node)) {
      return Optional.empty();
    }
    if (!Yaml.isMapping(node)) {
      problems.error(FILE, Yaml.line(node), "parley.generator must be a mapping of settings");
      return Optional.empty();
    }
    Map<String, Node> fields = Yaml.mapping(node);
    Optional<String> name = text(fields, "name");
    if (name.isEmpty()) {
      problems.error(
          FILE,
          Yaml.line(node),
          "parley.generator needs a 'name' (e.g. OpenAiChatGenerator or OllamaChatGenerator)");
      return Optional.empty();
    }
    Map<String, Object> pluginParams = new LinkedHashMap<>();
    fields.forEach(
        (key, value) -> {
          if (!CORE_KEYS.contains(key)) {
            pluginParams.put(key, Yaml.value(value));
          }
        });
    for (String secretKey : List.of("api_key", "base_url", "model")) {
      if (pluginParams.containsKey(secretKey)) {
        problems.error(
            FILE,
            Yaml.line(fields.get(secretKey)),
            "parley.generator."
                + secretKey
                + " does not belong in bot files: configure it on the server for the connection"
                + " (see docs/configuration.md, LLM connections)");
        pluginParams.remove(secretKey);
      }
    }
    long timeout =
        whole(fields, "timeout_ms", GeneratorSettings.DEFAULT_TIMEOUT_MILLIS, 50, 60_000);
    return Optional.of(
        new GeneratorSettings(
            new ComponentConfig(
                name.get(), pluginParams, FILE, Yaml.line(node), Yaml.keyLines(node)),
            text(fields, "connection").orElse("default"),
            responses(fields.get("responses")),
            text(fields, "instructions").orElse(""),
            (int) whole(fields, "memory_turns", 6, 0, 50),
            timeout,
            (int) whole(fields, "max_reply_chars", 600, 1, 10_000),
            bool(fields, "allow_sensitive_slots"),
            checks(fields.get("checks"))));
  }

  private Optional<String> text(Map<String, Node> fields, String key) {
    Node node = fields.get(key);
    if (node == null || Yaml.isNull(node)) {
      return Optional.empty();
    }
    if (!Yaml.isScalar(node)) {
      problems.error(FILE, Yaml.line(node), "parley.generator." + key + " must be text");
      return Optional.empty();
    }
    return Yaml.text(node);
  }

  private long whole(Map<String, Node> fields, String key, long fallback, long min, long max) {
    Node node = fields.get(key);
    if (node == null) {
      return fallback;
    }
    Object value = Yaml.value(node);
    if (value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && number.longValue() >= min
        && number.longValue() <= max) {
      return number.longValue();
    }
    problems.error(
        FILE,
        Yaml.line(node),
        "parley.generator." + key + " must be a whole number from " + min + " to " + max);
    return fallback;
  }

  private boolean bool(Map<String, Node> fields, String key) {
    Node node = fields.get(key);
    if (node == null) {
      return false;
    }
    Object value = Yaml.value(node);
    if (value instanceof Boolean flag) {
      return flag;
    }
    problems.error(FILE, Yaml.line(node), "parley.generator." + key + " must be true or false");
    return false;
  }

  private List<String> responses(Node node) {
    if (node == null || Yaml.isNull(node)) {
      return List.of();
    }
    if (Yaml.isScalar(node) && Yaml.text(node).orElse("").equals("all")) {
      return List.of();
    }
    if (!Yaml.isSequence(node)) {
      problems.error(
          FILE,
          Yaml.line(node),
          "parley.generator.responses must be 'all' or a list of response names");
      return List.of();
    }
    return Yaml.strings(node);
  }

  private List<ComponentConfig> checks(Node node) {
    List<ComponentConfig> checks = new ArrayList<>();
    if (node == null || Yaml.isNull(node)) {
      return checks;
    }
    if (!Yaml.isSequence(node)) {
      problems.error(FILE, Yaml.line(node), "parley.generator.checks must be a list");
      return checks;
    }
    for (Node item : Yaml.sequence(node)) {
      if (Yaml.isScalar(item)) {
        Yaml.text(item)
            .ifPresent(
                name -> checks.add(new ComponentConfig(name, Map.of(), FILE, Yaml.line(item))));
        continue;
      }
      ConfigParser.component(item, "parley.generator.checks", problems).ifPresent(checks::add);
    }
    return checks;
  }
}
