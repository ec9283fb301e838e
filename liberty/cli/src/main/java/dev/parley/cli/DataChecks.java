package dev.parley.cli;

import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.SourceLocation;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The warnings of Rasa's {@code data validate} that the import does not give: intents declared
 * without examples, intents no story or rule uses, custom actions no story or rule runs, and one
 * example text labelled with different intents.
 */
final class DataChecks {

  private static final Set<String> BUILT_IN_INTENTS =
      Set.of("nlu_fallback", "restart", "back", "session_start", "out_of_scope");

  private final BotProject project;
  private final SourceLines lines;

  DataChecks(BotProject project, SourceLines lines) {
    this.project = project;
    this.lines = lines;
  }

  List<ValidationMessage> warnings() {
    List<ValidationMessage> out = new ArrayList<>();
    Set<String> withExamples = new HashSet<>();
    for (NluExample example : project.trainingData().examples()) {
      String intent = example.intent();
      int slash = intent.indexOf('/');
      withExamples.add(slash > 0 ? intent.substring(0, slash) : intent);
    }
    Set<String> usedIntents = new HashSet<>();
    Set<String> usedActions = new HashSet<>();
    steps()
        .forEach(
            step -> {
              if (step instanceof StoryStep.User user && user.intent() != null) {
                usedIntents.add(user.intent());
              } else if (step instanceof StoryStep.Action action && action.name() != null) {
                usedActions.add(action.name());
              }
            });
    for (String intent : project.domain().intents()) {
      if (BUILT_IN_INTENTS.contains(intent)) {
        continue;
      }
      if (!withExamples.contains(intent)) {
        out.add(
            at(
                lines.find(intent, SourceLines::domainFile, "domain.yml"),
                "intent '"
                    + intent
                    + "' is declared in the domain but has no examples in the NLU data"));
      }
      if (!usedIntents.contains(intent)
          && usedIntents.stream().noneMatch(u -> u.startsWith(intent + "/"))) {
        out.add(
            at(
                lines.find(intent, SourceLines::domainFile, "domain.yml"),
                "intent '" + intent + "' is not used in any story or rule"));
      }
    }
    for (String action : project.domain().actions()) {
      if (!usedActions.contains(action)
          && !action.startsWith("validate_")
          && !action.startsWith("action_ask_")
          && !action.startsWith("utter_")) {
        SourceLocation where =
            project
                .actionLocations()
                .getOrDefault(action, lines.find(action, SourceLines::domainFile, "domain.yml"));
        out.add(at(where, "action '" + action + "' is declared but no story or rule runs it"));
      }
    }
    out.addAll(repeatedExamples());
    return out;
  }

  private List<ValidationMessage> repeatedExamples() {
    Map<String, Set<String>> intentsByText = new LinkedHashMap<>();
    for (NluExample example : project.trainingData().examples()) {
      intentsByText
          .computeIfAbsent(
              example.text().strip().toLowerCase(Locale.ROOT), t -> new LinkedHashSet<>())
          .add(example.intent());
    }
    List<ValidationMessage> out = new ArrayList<>();
    for (NluExample example : project.trainingData().examples()) {
      Set<String> intents = intentsByText.remove(example.text().strip().toLowerCase(Locale.ROOT));
      if (intents != null && intents.size() > 1) {
        out.add(
            at(
                lines.find(example.text().strip(), SourceLines::dataFile, "data/nlu.yml"),
                "the example '"
                    + example.text().strip()
                    + "' is labelled with different intents: "
                    + String.join(", ", intents)));
      }
    }
    return out;
  }

  private Stream<StoryStep> steps() {
    Stream<StoryStep> stories =
        project.trainingData().stories().stream().map(Story::steps).flatMap(List::stream);
    Stream<StoryStep> rules =
        project.trainingData().rules().stream()
            .flatMap(rule -> Stream.concat(rule.conditions().stream(), rule.steps().stream()));
    Stream<StoryStep> tests =
        project.testStories().stream().map(Story::steps).flatMap(List::stream);
    return Stream.of(stories, rules, tests).flatMap(s -> s);
  }

  private static ValidationMessage at(SourceLocation where, String message) {
    return new ValidationMessage(where.file(), where.line(), message);
  }
}
