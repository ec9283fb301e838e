package dev.parley.core.bot.definition;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.EntityDefinition;
import dev.parley.plugin.bot.FormDefinition;
import dev.parley.plugin.bot.MappingCondition;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.ResponseVariation.Button;
import dev.parley.plugin.bot.ResponseVariation.SlotCondition;
import dev.parley.plugin.bot.SessionConfig;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotMapping;
import dev.parley.plugin.bot.SlotMappingType;
import dev.parley.plugin.bot.SlotType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code domain.yml} (or several domain files, merged) into a {@link Domain}. */
final class DomainParser {

  static final String REQUESTED_SLOT = "requested_slot";
  private static final Set<String> KEYS =
      Set.of(
          "version",
          "intents",
          "entities",
          "slots",
          "responses",
          "actions",
          "forms",
          "session_config",
          "config",
          "e2e_actions");

  private final Problems problems;
  private final List<String> intents = new ArrayList<>();
  private final Map<String, EntityDefinition> entities = new LinkedHashMap<>();
  private final Map<String, SlotDefinition> slots = new LinkedHashMap<>();
  private final Map<String, List<ResponseVariation>> responses = new LinkedHashMap<>();
  private final Map<String, Integer> responseLines = new LinkedHashMap<>();
  private final Map<String, SourceLocation> responseLocations = new LinkedHashMap<>();
  private final List<String> actions = new ArrayList<>();
  private final Map<String, FormDefinition> forms = new LinkedHashMap<>();
  private final Map<String, Integer> formLines = new LinkedHashMap<>();
  private final Map<String, Integer> slotLines = new LinkedHashMap<>();
  private final Map<String, SourceLocation> actionLocations = new LinkedHashMap<>();
  private SessionConfig session = new SessionConfig(60, true);

  DomainParser(Problems problems) {
    this.problems = problems;
  }

  void read(String file, Node root) {
    if (!Yaml.isMapping(root)) {
      problems.error(file, Yaml.line(root), "the domain must be a mapping of keys");
      return;
    }
    Yaml.mapping(root)
        .forEach(
            (key, value) -> {
              if (!KEYS.contains(key)) {
                problems.warn(file, Yaml.line(value), "unknown domain key '" + key + "' ignored");
              }
              switch (key) {
                case "intents" -> readIntents(file, value);
                case "entities" -> readEntities(file, value);
                case "slots" -> readSlots(file, value);
                case "responses" -> readResponses(file, value);
                case "actions" -> readActions(file, value);
                case "forms" -> readForms(file, value);
                case "session_config" -> readSession(value);
                default -> {
                  // version, config, e2e_actions: nothing to keep
                }
              }
            });
  }

  Domain build() {
    if (!forms.isEmpty() && !slots.containsKey(REQUESTED_SLOT)) {
      slots.put(
          REQUESTED_SLOT,
          new SlotDefinition(
              REQUESTED_SLOT, SlotType.TEXT, false, null, null, null, null, null, false));
    }
    return new Domain(intents, entities, slots, responses, actions, forms, session);
  }

  Map<String, Integer> formLines() {
    return formLines;
  }

  Map<String, Integer> responseLines() {
    return responseLines;
  }

  /** Where each response was declared: a domain file or a data file. */
  Map<String, SourceLocation> responseLocations() {
    return responseLocations;
  }

  /** The intents the domain declares so far. */
  List<String> intents() {
    return intents;
  }

  /** The entities the domain declares so far. */
  Map<String, EntityDefinition> entities() {
    return entities;
  }

  /** Takes an intent the domain does not declare (found in the NLU data) into the domain. */
  void adoptIntent(String intent) {
    addIntent(intent);
  }

  /**
   * Reads a {@code responses:} section of a data file, as Rasa does: a response the domain (or an
   * earlier file) already declares keeps its first declaration, with a warning.
   */
  void readDataResponses(String file, Node node) {
    Map<String, Node> fresh = new LinkedHashMap<>();
    Yaml.mapping(node)
        .forEach(
            (name, variations) -> {
              SourceLocation first = responseLocations.get(name);
              if (first == null) {
                fresh.put(name, variations);
              } else {
                problems.warn(
                    file,
                    Yaml.line(variations),
                    "response '"
                        + name
                        + "' is already declared in "
                        + first.file()
                        + " line "
                        + first.line()
                        + "; that one is used");
              }
            });
    fresh.forEach((name, variations) -> readResponse(file, name, variations));
  }

  Map<String, Integer> slotLines() {
    return slotLines;
  }

  Map<String, SourceLocation> actionLocations() {
    return actionLocations;
  }

  private void readIntents(String file, Node node) {
    for (Node item : Yaml.sequence(node)) {
      if (Yaml.isMapping(item)) {
        Yaml.mapping(item).keySet().forEach(this::addIntent);
      } else {
        Yaml.text(item)
            .ifPresentOrElse(
                this::addIntent,
                () -> problems.error(file, Yaml.line(item), "an intent must be a name"));
      }
    }
  }

  private void addIntent(String intent) {
    if (!intents.contains(intent)) {
      intents.add(intent);
    }
  }

  private void readEntities(String file, Node node) {
    for (Node item : Yaml.sequence(node)) {
      if (Yaml.isMapping(item)) {
        Yaml.mapping(item)
            .forEach(
                (name, spec) -> {
                  Map<String, Node> fields = Yaml.mapping(spec);
                  entities.put(
                      name,
                      new EntityDefinition(
                          name,
                          fields.containsKey("roles")
                              ? Yaml.strings(fields.get("roles"))
                              : List.of(),
                          fields.containsKey("groups")
                              ? Yaml.strings(fields.get("groups"))
                              : List.of(),
                          !fields.containsKey("influence_conversation")
                              || Boolean.TRUE.equals(
                                  Yaml.value(fields.get("influence_conversation")))));
                });
      } else {
        Yaml.text(item)
            .ifPresent(name -> entities.put(name, new EntityDefinition(name, null, null, true)));
      }
    }
  }

  private void readSlots(String file, Node node) {
    Yaml.mapping(node).forEach((name, spec) -> readSlot(file, name, spec));
  }

  private void readSlot(String file, String name, Node spec) {
    slotLines.put(name, Yaml.line(spec));
    Map<String, Node> fields = Yaml.mapping(spec);
    String typeName = fields.containsKey("type") ? Yaml.text(fields.get("type")).orElse("") : "";
    SlotType type;
    try {
      type = SlotType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.error(
          file,
          Yaml.line(spec),
          "slot '"
              + name
              + "' has type '"
              + typeName
              + "'; use text, bool, categorical, float, list or any");
      return;
    }
    boolean influence =
        fields.containsKey("influence_conversation")
            ? Boolean.TRUE.equals(Yaml.value(fields.get("influence_conversation")))
            : type != SlotType.ANY;
    List<SlotMapping> mappings = new ArrayList<>();
    if (fields.containsKey("mappings")) {
      for (Node mapping : Yaml.sequence(fields.get("mappings"))) {
        readMapping(file, name, mapping).ifPresent(mappings::add);
      }
    }
    slots.put(
        name,
        new SlotDefinition(
            name,
            type,
            influence,
            fields.containsKey("initial_value") ? Yaml.value(fields.get("initial_value")) : null,
            fields.containsKey("values") ? Yaml.strings(fields.get("values")) : List.of(),
            number(fields.get("min_value")),
            number(fields.get("max_value")),
            mappings,
            fields.containsKey("sensitive")
                && Boolean.TRUE.equals(Yaml.value(fields.get("sensitive")))));
  }

  private java.util.Optional<SlotMapping> readMapping(String file, String slot, Node node) {
    Map<String, Node> fields = Yaml.mapping(node);
    String typeName = fields.containsKey("type") ? Yaml.text(fields.get("type")).orElse("") : "";
    SlotMappingType type;
    try {
      type = SlotMappingType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.error(
          file,
          Yaml.line(node),
          "slot '"
              + slot
              + "' has a mapping of type '"
              + typeName
              + "'; use from_entity, from_text, from_intent, from_trigger_intent or custom");
      return java.util.Optional.empty();
    }
    if (type == SlotMappingType.FROM_ENTITY && !fields.containsKey("entity")) {
      problems.error(
          file, Yaml.line(node), "slot '" + slot + "': a from_entity mapping needs 'entity'");
      return java.util.Optional.empty();
    }
    List<MappingCondition> conditions = new ArrayList<>();
    if (fields.containsKey("conditions")) {
      for (Node condition : Yaml.sequence(fields.get("conditions"))) {
        Map<String, Node> c = Yaml.mapping(condition);
        conditions.add(
            new MappingCondition(
                c.containsKey("active_loop") ? Yaml.text(c.get("active_loop")).orElse(null) : null,
                c.containsKey("requested_slot")
                    ? Yaml.text(c.get("requested_slot")).orElse(null)
                    : null));
      }
    }
    return java.util.Optional.of(
        new SlotMapping(
            type,
            textOf(fields, "entity"),
            textOf(fields, "role"),
            textOf(fields, "group"),
            fields.containsKey("intent") ? Yaml.strings(fields.get("intent")) : List.of(),
            fields.containsKey("not_intent") ? Yaml.strings(fields.get("not_intent")) : List.of(),
            fields.containsKey("value") ? Yaml.value(fields.get("value")) : null,
            textOf(fields, "action"),
            conditions));
  }

  private void readResponses(String file, Node node) {
    Yaml.mapping(node).forEach((name, variations) -> readResponse(file, name, variations));
  }

  private void readResponse(String file, String name, Node variations) {
    responseLines.put(name, Yaml.line(variations));
    responseLocations.put(name, new SourceLocation(file, Yaml.line(variations)));
    List<ResponseVariation> list = new ArrayList<>();
    for (Node variation : Yaml.sequence(variations)) {
      list.add(readVariation(variation));
    }
    if (list.isEmpty()) {
      problems.error(file, Yaml.line(variations), "response '" + name + "' has no variation");
    }
    responses.put(name, list);
  }

  @SuppressWarnings("unchecked")
  private ResponseVariation readVariation(Node node) {
    Map<String, Node> fields = Yaml.mapping(node);
    List<Button> buttons = new ArrayList<>();
    if (fields.containsKey("buttons")) {
      for (Node button : Yaml.sequence(fields.get("buttons"))) {
        Map<String, Node> b = Yaml.mapping(button);
        buttons.add(new Button(textOf(b, "title"), textOf(b, "payload")));
      }
    }
    List<SlotCondition> conditions = new ArrayList<>();
    if (fields.containsKey("condition")) {
      for (Node condition : Yaml.sequence(fields.get("condition"))) {
        Map<String, Node> c = Yaml.mapping(condition);
        conditions.add(
            new SlotCondition(
                textOf(c, "name"), c.containsKey("value") ? Yaml.value(c.get("value")) : null));
      }
    }
    Object custom = fields.containsKey("custom") ? Yaml.value(fields.get("custom")) : null;
    return new ResponseVariation(
        textOf(fields, "text"),
        buttons,
        textOf(fields, "image"),
        custom instanceof Map<?, ?> map ? (Map<String, Object>) map : null,
        conditions,
        textOf(fields, "channel"),
        textOf(fields, "id"));
  }

  private void readActions(String file, Node node) {
    for (Node item : Yaml.sequence(node)) {
      List<String> names =
          Yaml.isMapping(item)
              ? List.copyOf(Yaml.mapping(item).keySet())
              : Yaml.text(item).map(List::of).orElse(List.of());
      actions.addAll(names);
      names.forEach(name -> actionLocations.put(name, new SourceLocation(file, Yaml.line(item))));
    }
  }

  private void readForms(String file, Node node) {
    Yaml.mapping(node)
        .forEach(
            (name, spec) -> {
              formLines.put(name, Yaml.line(spec));
              Map<String, Node> fields = Yaml.mapping(spec);
              Node required = fields.get("required_slots");
              if (required != null && Yaml.isMapping(required)) {
                problems.error(
                    file,
                    Yaml.line(required),
                    "form '"
                        + name
                        + "': required_slots must be a list of slot names (Rasa 3.x);"
                        + " move the mappings to the slots");
                return;
              }
              forms.put(
                  name,
                  new FormDefinition(
                      name,
                      required == null ? List.of() : Yaml.strings(required),
                      fields.containsKey("ignored_intents")
                          ? Yaml.strings(fields.get("ignored_intents"))
                          : List.of()));
            });
  }

  private void readSession(Node node) {
    Map<String, Node> fields = Yaml.mapping(node);
    Double minutes = number(fields.get("session_expiration_time"));
    Object carry =
        fields.containsKey("carry_over_slots_to_new_session")
            ? Yaml.value(fields.get("carry_over_slots_to_new_session"))
            : Boolean.TRUE;
    session = new SessionConfig(minutes == null ? 60 : minutes, Boolean.TRUE.equals(carry));
  }

  private static Double number(Node node) {
    if (node == null) {
      return null;
    }
    Object value = Yaml.value(node);
    return value instanceof Number n ? n.doubleValue() : null;
  }

  private static String textOf(Map<String, Node> fields, String key) {
    Node node = fields.get(key);
    return node == null ? null : Yaml.text(node).orElse(null);
  }
}
