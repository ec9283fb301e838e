package dev.parley.cli;

import dev.parley.core.turn.StoryTestReport;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rasa's {@code failed_test_stories.yml}: each failed test story up to the step that differed,
 * which carries a comment with what the bot predicted instead.
 */
final class FailedStories {

  private FailedStories() {}

  static String yaml(List<Story> stories, StoryTestReport report) {
    Map<String, Story> byName =
        stories.stream().collect(Collectors.toMap(Story::name, Function.identity(), (a, b) -> a));
    StringBuilder out = new StringBuilder("version: \"3.1\"\nstories:\n");
    if (report.failed().isEmpty()) {
      return "version: \"3.1\"\nstories: []\n";
    }
    for (StoryTestReport.Failure failure : report.failed()) {
      out.append("- story: ").append(quote(failure.story())).append("\n  steps:\n");
      Story story = byName.get(failure.story());
      List<StoryStep> steps = story == null ? List.of() : story.steps();
      for (int i = 0; i < Math.min(failure.step(), steps.size()); i++) {
        out.append("  - ").append(step(steps.get(i)));
        if (i + 1 == failure.step()) {
          out.append("  # predicted: ").append(failure.predicted().replace('\n', ' '));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String step(StoryStep step) {
    if (step instanceof StoryStep.User user) {
      return user.intent() != null ? "intent: " + user.intent() : "user: " + quote(user.text());
    }
    if (step instanceof StoryStep.Action action) {
      return action.name() != null ? "action: " + action.name() : "bot: " + quote(action.botText());
    }
    if (step instanceof StoryStep.Slot slot) {
      return "slot_was_set:\n    - " + slot.name() + ": " + quote(String.valueOf(slot.value()));
    }
    StoryStep.Loop loop = (StoryStep.Loop) step;
    return "active_loop: " + (loop.name() == null ? "null" : loop.name());
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
