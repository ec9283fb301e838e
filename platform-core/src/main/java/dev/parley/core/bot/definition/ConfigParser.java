package dev.parley.core.bot.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code config.yml}: language, pipeline, policies and the {@code parley:} section. */
final class ConfigParser {

  static final String FILE = "config.yml";
  private static final Set<String> PARLEY_KEYS =
      Set.of(
          "fallback_threshold",
          "ranking_length",
          "apology",
          "public",
          "ambiguity_threshold",
          "generator",
          "recheck",
          "target_precision",
          "nlu");

  private final Problems problems;

  ConfigParser(Problems problems) {
    this.problems = problems;
  }

  BotConfig read(Node root) {
    Map<String, Node> fields = Yaml.mapping(root);
    if (!Yaml.isMapping(root)) {
      problems.error(FILE, Yaml.line(root), "config.yml must be a mapping of keys");
    }
    String language =
        fields.containsKey("language") ? Yaml.text(fields.get("language")).orElse("en") : "en";
    List<ComponentConfig> pipeline = components(fields.get("pipeline"), "pipeline");
    if (pipeline.isEmpty()) {
      pipeline = defaults(DEFAULT_PIPELINE, fields.get("pipeline"), "pipeline");
    }
    List<ComponentConfig> policies = components(fields.get("policies"), "policies");
    if (policies.isEmpty()) {
      policies = defaults(DEFAULT_POLICIES, fields.get("policies"), "policies");
    }
    return new BotConfig(language, pipeline, policies, parley(fields.get("parley"), pipeline));
  }

  /**
   * Rasa trains its default pipeline or policies when {@code config.yml} gives none ({@code
   * pipeline: null}, as {@code rasa init} writes it); so does Parley, with its own components.
   */
  private List<ComponentConfig> defaults(
      List<ComponentConfig> defaults, Node node, String section) {
    int line = node == null ? 0 : Yaml.line(node);
    problems.warn(
        FILE,
        line,
        "no "
            + section
            + " configured: using the default one ("
            + String.join(", ", defaults.stream().map(ComponentConfig::name).toList())
            + ")");
    return defaults.stream()
        .map(c -> new ComponentConfig(c.name(), c.params(), FILE, line))
        .toList();
  }

  private static final List<ComponentConfig> DEFAULT_PIPELINE =
      List.of(
          new ComponentConfig("RegexEntityExtractor", Map.of(), FILE, 0),
          new ComponentConfig("LogisticRegressionIntentClassifier", Map.of(), FILE, 0),
          new ComponentConfig("EntitySynonymMapper", Map.of(), FILE, 0),
          new ComponentConfig(
              "FallbackClassifier", Map.of("threshold", 0.3, "ambiguity_threshold", 0.1), FILE, 0));

  private static final List<ComponentConfig> DEFAULT_POLICIES =
      List.of(
          new ComponentConfig("MemoizationPolicy", Map.of(), FILE, 0),
          new ComponentConfig("RulePolicy", Map.of(), FILE, 0),
          new ComponentConfig("AugmentedMemoizationPolicy", Map.of("max_history", 5), FILE, 0));

  private List<ComponentConfig> components(Node node, String section) {
    List<ComponentConfig> components = new ArrayList<>();
    if (node == null || Yaml.isNull(node)) {
      return components;
    }
    if (!Yaml.isSequence(node)) {
      problems.error(FILE, Yaml.line(node), "'" + section + "' must be a list of components");
      return components;
    }
    for (Node item : Yaml.sequence(node)) {
      component(item, section, problems).ifPresent(components::add);
    }
    return components;
  }

  /** One {@code - name: X, key: value} entry of a list of components, or empty after an error. */
  static Optional<ComponentConfig> component(Node item, String section, Problems problems) {
    Map<String, Node> entry = Yaml.mapping(item);
    Optional<String> name =
        entry.containsKey("name") ? Yaml.text(entry.get("name")) : Optional.empty();
    if (name.isEmpty()) {
      problems.error(FILE, Yaml.line(item), "a " + section + " entry needs a 'name'");
      return Optional.empty();
    }
    Map<String, Object> params = new LinkedHashMap<>();
    entry.forEach(
        (key, value) -> {
          if (!key.equals("name")) {
            params.put(key, Yaml.value(value));
          }
        });
    Map<String, Integer> lines = new LinkedHashMap<>(Yaml.keyLines(item));
    lines.remove("name");
    return Optional.of(new ComponentConfig(name.get(), params, FILE, Yaml.line(item), lines));
  }

  private ParleySettings parley(Node node, List<ComponentConfig> pipeline) {
    Map<String, Node> fields = node == null ? Map.of() : Yaml.mapping(node);
    fields.forEach(
        (key, value) -> {
          if (!PARLEY_KEYS.contains(key)) {
            problems.error(
                FILE,
                Yaml.line(value),
                "unknown setting 'parley." + key + "' (known: " + PARLEY_KEYS + ")");
          }
        });
    Optional<ComponentConfig> fallback =
        pipeline.stream().filter(c -> c.name().equals("FallbackClassifier")).findFirst();
    Optional<Double> threshold =
        threshold(fields.get("fallback_threshold"))
            .or(() -> fallback.flatMap(c -> asDouble(c.params().get("threshold"))));
    Optional<Double> ambiguity =
        number(fields.get("ambiguity_threshold"), "ambiguity_threshold")
            .or(() -> fallback.flatMap(c -> asDouble(c.params().get("ambiguity_threshold"))));
    int ranking =
        number(fields.get("ranking_length"), "ranking_length").map(Double::intValue).orElse(3);
    String apology =
        fields.containsKey("apology")
            ? Yaml.text(fields.get("apology")).orElse(ParleySettings.DEFAULT_APOLOGY)
            : ParleySettings.DEFAULT_APOLOGY;
    boolean publicBot =
        fields.containsKey("public") && Boolean.TRUE.equals(Yaml.value(fields.get("public")));
    threshold.ifPresent(
        t -> {
          if (t < 0 || t > 1) {
            problems.error(
                FILE,
                Yaml.line(node == null ? fields.values().iterator().next() : node),
                "the fallback threshold must be between 0 and 1");
          }
        });
    return new ParleySettings(
        threshold,
        Math.max(1, ranking),
        apology,
        publicBot,
        ambiguity,
        new GeneratorSettingsParser(problems).read(fields.get("generator")),
        recheck(fields.get("recheck")),
        targetPrecision(fields.get("target_precision")),
        oosIntent(fields.get("nlu")));
  }

  /**
   * {@code parley.nlu.oos_intent}: the bot's out-of-scope intent (default {@code out_of_scope}).
   */
  private String oosIntent(Node node) {
    if (node == null || Yaml.isNull(node)) {
      return ParleySettings.DEFAULT_OOS_INTENT;
    }
    Map<String, Node> fields = Yaml.mapping(node);
    if (!Yaml.isMapping(node) || !fields.keySet().stream().allMatch("oos_intent"::equals)) {
      problems.error(FILE, Yaml.line(node), "parley.nlu takes one setting: oos_intent");
    }
    return Optional.ofNullable(fields.get("oos_intent"))
        .flatMap(Yaml::text)
        .filter(name -> !name.isBlank())
        .orElse(ParleySettings.DEFAULT_OOS_INTENT);
  }

  /** {@code parley.fallback_threshold}: a number, or {@code auto} (empty, as when not given). */
  private Optional<Double> threshold(Node node) {
    if (node != null && "auto".equals(Yaml.value(node))) {
      return Optional.empty();
    }
    return number(node, "fallback_threshold");
  }

  /** {@code parley.target_precision}: what {@code fallback_threshold: auto} keeps (0.5 to 1). */
  private double targetPrecision(Node node) {
    Optional<Double> target = number(node, "target_precision");
    if (target.isPresent() && !(target.get() >= 0.5 && target.get() <= 1)) {
      problems.error(FILE, Yaml.line(node), "parley.target_precision must be between 0.5 and 1");
      return ParleySettings.DEFAULT_TARGET_PRECISION;
    }
    return target.orElse(ParleySettings.DEFAULT_TARGET_PRECISION);
  }

  /** {@code parley.recheck}: a list of stages, each a name or a {@code name:} mapping. */
  private List<ComponentConfig> recheck(Node node) {
    List<ComponentConfig> stages = new ArrayList<>();
    if (node == null || Yaml.isNull(node)) {
      return stages;
    }
    if (!Yaml.isSequence(node)) {
      problems.error(FILE, Yaml.line(node), "parley.recheck must be a list of re-check stages");
      return stages;
    }
    for (Node item : Yaml.sequence(node)) {
      if (Yaml.isScalar(item)) {
        Yaml.text(item)
            .ifPresent(
                name -> stages.add(new ComponentConfig(name, Map.of(), FILE, Yaml.line(item))));
        continue;
      }
      component(item, "parley.recheck", problems).ifPresent(stages::add);
    }
    return stages;
  }

  private Optional<Double> number(Node node, String key) {
    if (node == null) {
      return Optional.empty();
    }
    Object value = Yaml.value(node);
    if (value instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    problems.error(FILE, Yaml.line(node), "parley." + key + " must be a number");
    return Optional.empty();
  }

  private static Optional<Double> asDouble(Object value) {
    return value instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
  }
}
