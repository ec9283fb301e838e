package dev.parley.core.bot.definition;

import dev.parley.core.bot.definition.StoryParser.Located;
import dev.parley.core.bot.definition.StoryParser.RawStory;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotMapping;
import dev.parley.plugin.bot.SlotMappingType;
import dev.parley.plugin.bot.StoryStep;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that stories, rules, NLU data and the domain refer only to what exists. */
final class ProjectValidator {

  private static final Set<String> DEFAULT_ACTIONS = RasaDefaultActions.NAMES;
  static final Set<String> DEFAULT_INTENTS =
      Set.of("nlu_fallback", "restart", "back", "session_start", "out_of_scope");
  private static final Set<String> IMPLICIT_RESPONSES =
      Set.of("utter_default", "utter_ask_rephrase", "utter_ask_affirmation");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  private final Problems problems;
  private final Domain domain;
  private final String domainFile;

  ProjectValidator(Problems problems, Domain domain, String domainFile) {
    this.problems = problems;
    this.domain = domain;
    this.domainFile = domainFile;
  }

  void checkDomain(DomainParser parsed) {
    domain
        .forms()
        .values()
        .forEach(
            form -> {
              for (String slot : form.requiredSlots()) {
                if (!domain.slots().containsKey(slot)) {
                  problems.error(
                      domainFile,
                      parsed.formLines().getOrDefault(form.name(), 0),
                      "form '"
                          + form.name()
                          + "' requires slot '"
                          + slot
                          + "', which is not declared");
                }
                if (!domain.responses().containsKey("utter_ask_" + slot)
                    && !domain.actions().contains("action_ask_" + slot)
                    && !domain.responses().containsKey("utter_ask_" + form.name() + "_" + slot)) {
                  problems.warn(
                      domainFile,
                      parsed.formLines().getOrDefault(form.name(), 0),
                      "form '"
                          + form.name()
                          + "' has no response utter_ask_"
                          + slot
                          + " to ask for '"
                          + slot
                          + "'");
                }
              }
            });
    for (SlotDefinition slot : domain.slots().values()) {
      for (SlotMapping mapping : slot.mappings()) {
        if (mapping.type() == SlotMappingType.FROM_ENTITY
            && !domain.entities().containsKey(mapping.entity())) {
          problems.error(
              domainFile,
              parsed.slotLines().getOrDefault(slot.name(), 0),
              "slot '"
                  + slot.name()
                  + "' maps from entity '"
                  + mapping.entity()
                  + "', which is not declared under entities");
        }
      }
    }
    for (Map.Entry<String, List<ResponseVariation>> response : domain.responses().entrySet()) {
      for (ResponseVariation variation : response.getValue()) {
        if (variation.text() == null) {
          continue;
        }
        Matcher matcher = PLACEHOLDER.matcher(variation.text());
        while (matcher.find()) {
          if (!domain.slots().containsKey(matcher.group(1))) {
            SourceLocation where =
                parsed
                    .responseLocations()
                    .getOrDefault(response.getKey(), new SourceLocation(domainFile, 0));
            problems.warn(
                where.file(),
                where.line(),
                "response '"
                    + response.getKey()
                    + "' uses {"
                    + matcher.group(1)
                    + "}, which is not a slot (it must be passed by the action)");
          }
        }
      }
    }
  }

  /**
   * Warns, as Rasa's {@code data validate} does, about each response that no story, rule or test
   * story runs. Responses that run without being named are exempt: a form's questions, the
   * fallback's and a retrieval action's (used when its base {@code utter_x} is).
   */
  void checkResponsesUsed(
      Map<String, SourceLocation> locations,
      List<RawStory> stories,
      List<RawStory> rules,
      List<RawStory> tests) {
    Set<String> used = new HashSet<>(IMPLICIT_RESPONSES);
    for (List<RawStory> group : List.of(stories, rules, tests)) {
      for (RawStory story : group) {
        for (Located located : story.steps()) {
          actionOf(located.step()).ifPresent(used::add);
          located.alternatives().forEach(step -> actionOf(step).ifPresent(used::add));
        }
      }
    }
    for (var form : domain.forms().values()) {
      for (String slot : form.requiredSlots()) {
        used.add("utter_ask_" + slot);
        used.add("utter_ask_" + form.name() + "_" + slot);
      }
    }
    for (String response : domain.responses().keySet()) {
      int slash = response.indexOf('/');
      String action = slash > 0 ? response.substring(0, slash) : response;
      if (!used.contains(action)) {
        SourceLocation where = locations.getOrDefault(response, new SourceLocation(domainFile, 0));
        problems.warn(
            where.file(),
            where.line(),
            "response '"
                + response
                + "' is not used in any story or rule (a custom action may still send it)");
      }
    }
  }

  private static Optional<String> actionOf(StoryStep step) {
    return step instanceof StoryStep.Action action
        ? Optional.ofNullable(action.name())
        : Optional.empty();
  }

  void checkStories(List<RawStory> stories, String kind) {
    for (RawStory story : stories) {
      for (Located step : story.steps()) {
        checkStep(step, story, kind);
      }
      for (Located step : story.conditions()) {
        checkStep(step, story, kind);
      }
    }
  }

  private void checkStep(Located located, RawStory story, String kind) {
    if (located.step() != null) {
      checkStep(located.step(), located, story, kind);
    }
    for (StoryStep alternative : located.alternatives()) {
      checkStep(alternative, located, story, kind);
    }
  }

  private void checkStep(StoryStep step, Located where, RawStory story, String kind) {
    String in = " in " + kind + " '" + story.name() + "'";
    if (step instanceof StoryStep.User user
        && user.intent() != null
        && !knownIntent(user.intent())) {
      String intent = user.intent();
      problems.error(where.file(), where.line(), "unknown intent '" + intent + "'" + in);
    } else if (step instanceof StoryStep.User user) {
      if (user.intent() == null && !kind.equals("test story")) {
        problems.warn(
            where.file(),
            where.line(),
            "end-to-end user step without an intent"
                + in
                + ": Parley learns stories and rules from intents, so this step matches no message"
                + " (test stories may use it: there the bot's NLU classifies the text)");
      }
      for (StoryStep.EntityValue entity : user.entities()) {
        if (!domain.entities().containsKey(entity.entity())) {
          problems.error(
              where.file(), where.line(), "unknown entity '" + entity.entity() + "'" + in);
        }
      }
    } else if (step instanceof StoryStep.Action action && action.name() != null) {
      checkAction(action.name(), where, in);
    } else if (step instanceof StoryStep.Action && !kind.equals("test story")) {
      problems.warn(
          where.file(),
          where.line(),
          "end-to-end bot step"
              + in
              + ": Parley learns stories and rules from actions, so this step is skipped in"
              + " training (test stories may use it: there it is checked against the bot's text)");
    } else if (step instanceof StoryStep.Slot slot && !domain.slots().containsKey(slot.name())) {
      problems.error(where.file(), where.line(), "unknown slot '" + slot.name() + "'" + in);
    } else if (step instanceof StoryStep.Loop loop
        && loop.name() != null
        && !domain.forms().containsKey(loop.name())
        && !domain.actions().contains(loop.name())
        && !loop.name().equals("action_two_stage_fallback")) {
      problems.error(
          where.file(), where.line(), "unknown form '" + loop.name() + "' in active_loop" + in);
    }
  }

  private void checkAction(String name, Located where, String in) {
    if (name.startsWith("utter_")) {
      boolean retrieval =
          domain.responses().keySet().stream().anyMatch(key -> key.startsWith(name + "/"));
      if (!domain.responses().containsKey(name) && !domain.actions().contains(name) && !retrieval) {
        problems.error(
            where.file(),
            where.line(),
            "action '" + name + "'" + in + " has no response in the domain");
      }
      return;
    }
    boolean known =
        DEFAULT_ACTIONS.contains(name)
            || domain.actions().contains(name)
            || domain.forms().containsKey(name)
            || name.startsWith("validate_");
    if (!known) {
      problems.error(
          where.file(),
          where.line(),
          "unknown action '" + name + "'" + in + ": declare it under 'actions' in the domain");
    }
  }

  private boolean knownIntent(String intent) {
    if (DEFAULT_INTENTS.contains(intent) || domain.intents().contains(intent)) {
      return true;
    }
    int slash = intent.indexOf('/');
    return slash > 0 && domain.intents().contains(intent.substring(0, slash));
  }
}
