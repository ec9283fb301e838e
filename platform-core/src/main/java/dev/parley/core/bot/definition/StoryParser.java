package dev.parley.core.bot.definition;

import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugin.bot.StoryStep.EntityValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code stories:} and {@code rules:} sections into located steps. */
final class StoryParser {

  /**
   * A step and where it was written; an {@code or} step has alternatives instead.
   *
   * @param step the step, or {@code null} for an {@code or} or a checkpoint
   * @param alternatives the alternatives of an {@code or} step
   * @param checkpoint the checkpoint name of a checkpoint step, or {@code null}
   * @param file the file
   * @param line the line
   */
  record Located(
      StoryStep step, List<StoryStep> alternatives, String checkpoint, String file, int line) {}

  /**
   * A story or rule as written.
   *
   * @param name its name
   * @param steps its steps
   * @param conditions a rule's conditions
   * @param conversationStart a rule's {@code conversation_start}
   * @param waitForUserInput a rule's {@code wait_for_user_input}
   * @param file the file
   * @param line the line
   */
  record RawStory(
      String name,
      List<Located> steps,
      List<Located> conditions,
      boolean conversationStart,
      boolean waitForUserInput,
      String file,
      int line) {}

  private final Problems problems;

  StoryParser(Problems problems) {
    this.problems = problems;
  }

  List<RawStory> read(String file, Node section, String kind) {
    List<RawStory> stories = new ArrayList<>();
    if (!Yaml.isSequence(section)) {
      problems.error(file, Yaml.line(section), "'" + kind + "s' must be a list");
      return stories;
    }
    for (Node item : Yaml.sequence(section)) {
      Map<String, Node> fields = Yaml.mapping(item);
      String name =
          Optional.ofNullable(fields.get(kind))
              .flatMap(Yaml::text)
              .orElse("(unnamed " + kind + ")");
      Node stepsNode = fields.get("steps");
      if (stepsNode == null || !Yaml.isSequence(stepsNode)) {
        problems.error(file, Yaml.line(item), kind + " '" + name + "' needs a list of 'steps'");
        continue;
      }
      List<Located> steps = new ArrayList<>();
      for (Node step : Yaml.sequence(stepsNode)) {
        steps.addAll(readStep(file, step));
      }
      List<Located> conditions = new ArrayList<>();
      if (fields.containsKey("condition")) {
        for (Node step : Yaml.sequence(fields.get("condition"))) {
          conditions.addAll(readStep(file, step));
        }
      }
      stories.add(
          new RawStory(
              name,
              steps,
              conditions,
              fields.containsKey("conversation_start")
                  && Boolean.TRUE.equals(Yaml.value(fields.get("conversation_start"))),
              !fields.containsKey("wait_for_user_input")
                  || !Boolean.FALSE.equals(Yaml.value(fields.get("wait_for_user_input"))),
              file,
              Yaml.line(item)));
    }
    return stories;
  }

  private List<Located> readStep(String file, Node node) {
    Map<String, Node> fields = Yaml.mapping(node);
    int line = Yaml.line(node);
    if (fields.containsKey("intent") || fields.containsKey("user")) {
      return List.of(new Located(user(fields), List.of(), null, file, line));
    }
    if (fields.containsKey("action")) {
      return List.of(
          new Located(
              new StoryStep.Action(Yaml.text(fields.get("action")).orElse(""), null),
              List.of(),
              null,
              file,
              line));
    }
    if (fields.containsKey("bot")) {
      return List.of(
          new Located(
              new StoryStep.Action(null, Yaml.text(fields.get("bot")).orElse("")),
              List.of(),
              null,
              file,
              line));
    }
    if (fields.containsKey("active_loop")) {
      return List.of(
          new Located(
              new StoryStep.Loop(Yaml.text(fields.get("active_loop")).orElse(null)),
              List.of(),
              null,
              file,
              line));
    }
    if (fields.containsKey("slot_was_set")) {
      List<StoryStep> slots = new ArrayList<>();
      for (Node slot : Yaml.sequence(fields.get("slot_was_set"))) {
        if (Yaml.isMapping(slot)) {
          Yaml.mapping(slot)
              .forEach((name, value) -> slots.add(new StoryStep.Slot(name, Yaml.value(value))));
        } else {
          Yaml.text(slot).ifPresent(name -> slots.add(new StoryStep.Slot(name, Boolean.TRUE)));
        }
      }
      return slots.stream().map(slot -> new Located(slot, List.of(), null, file, line)).toList();
    }
    if (fields.containsKey("checkpoint")) {
      return List.of(
          new Located(null, List.of(), Yaml.text(fields.get("checkpoint")).orElse(""), file, line));
    }
    if (fields.containsKey("or")) {
      List<StoryStep> alternatives = new ArrayList<>();
      for (Node alternative : Yaml.sequence(fields.get("or"))) {
        Map<String, Node> alt = Yaml.mapping(alternative);
        if (alt.containsKey("intent") || alt.containsKey("user")) {
          alternatives.add(user(alt));
        } else if (alt.containsKey("slot_was_set")) {
          for (Node slot : Yaml.sequence(alt.get("slot_was_set"))) {
            Yaml.mapping(slot)
                .forEach(
                    (name, value) -> alternatives.add(new StoryStep.Slot(name, Yaml.value(value))));
          }
        }
      }
      return List.of(new Located(null, alternatives, null, file, line));
    }
    problems.error(
        file,
        line,
        "a step needs one of intent, user, action, bot, active_loop, slot_was_set, checkpoint, or");
    return List.of();
  }

  private static StoryStep.User user(Map<String, Node> fields) {
    List<EntityValue> entities = new ArrayList<>();
    if (fields.containsKey("entities")) {
      for (Node entity : Yaml.sequence(fields.get("entities"))) {
        if (Yaml.isMapping(entity)) {
          Map<String, Node> e = Yaml.mapping(entity);
          if (e.containsKey("entity")) {
            entities.add(
                new EntityValue(
                    Yaml.text(e.get("entity")).orElse(""),
                    Optional.ofNullable(e.get("value")).flatMap(Yaml::text).orElse(null),
                    Optional.ofNullable(e.get("role")).flatMap(Yaml::text).orElse(null),
                    Optional.ofNullable(e.get("group")).flatMap(Yaml::text).orElse(null)));
          } else {
            e.forEach(
                (name, value) ->
                    entities.add(new EntityValue(name, Yaml.text(value).orElse(null), null, null)));
          }
        } else {
          Yaml.text(entity)
              .ifPresent(name -> entities.add(new EntityValue(name, null, null, null)));
        }
      }
    }
    String text =
        Optional.ofNullable(fields.get("user")).flatMap(Yaml::text).map(String::strip).orElse(null);
    if (text != null) {
      // As in Rasa's test stories: the user says the plain text; its annotations are the
      // entities expected from the NLU (unless the step lists them under 'entities').
      Optional<EntityAnnotations.Parsed> annotated = annotations(text);
      if (annotated.isPresent()) {
        text = annotated.get().text();
        if (!fields.containsKey("entities")) {
          annotated.get().entities().stream()
              .map(a -> new EntityValue(a.entity(), a.value(), a.role(), a.group()))
              .forEach(entities::add);
        }
      }
    }
    return new StoryStep.User(
        Optional.ofNullable(fields.get("intent")).flatMap(Yaml::text).orElse(null), entities, text);
  }

  private static Optional<EntityAnnotations.Parsed> annotations(String text) {
    try {
      EntityAnnotations.Parsed parsed = EntityAnnotations.parse(text);
      return parsed.entities().isEmpty() ? Optional.empty() : Optional.of(parsed);
    } catch (EntityAnnotations.AnnotationException e) {
      return Optional.empty(); // not an annotation: the user said it as written
    }
  }
}
