package dev.parley.plugins.policy.rule;

import dev.parley.plugin.bot.Rule;
import dev.parley.plugin.bot.Story;
import dev.parley.plugin.bot.StoryStep;
import dev.parley.plugins.dialogue.Elements;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where stories and rules, inside an active loop and after an action other than the loop, go on
 * with something other than the loop, such as waiting for the user (Rasa's {@code
 * DO_NOT_PREDICT_LOOP_ACTION} conditions): there a general rule's {@code action_listen} is not
 * turned into the loop. A place is the loop, the latest intent and the action; Rasa's key also
 * holds the slots, which this leaves out.
 */
final class UnhappyPaths implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Set<String> waits;

  private UnhappyPaths(Set<String> waits) {
    this.waits = Set.copyOf(waits);
  }

  /** No unhappy paths (a model trained before they were learned). */
  static UnhappyPaths none() {
    return new UnhappyPaths(Set.of());
  }

  static UnhappyPaths learn(List<Rule> rules, List<Story> stories) {
    Set<String> waits = new HashSet<>();
    for (Rule rule : rules) {
      String loop = null;
      for (StoryStep condition : rule.conditions()) {
        if (condition instanceof StoryStep.Loop l) {
          loop = l.name();
        }
      }
      collect(rule.steps(), loop, rule.waitForUserInput(), waits);
    }
    for (Story story : stories) {
      collect(story.steps(), null, false, waits);
    }
    return new UnhappyPaths(waits);
  }

  private static void collect(
      List<StoryStep> steps, String startLoop, boolean waitsAtEnd, Set<String> waits) {
    String loop = startLoop;
    String intent = null;
    String action = null;
    for (StoryStep step : steps) {
      if (step instanceof StoryStep.User user) {
        addIfUnhappy(loop, intent, action, Elements.ACTION_LISTEN, waits);
        intent = user.intent();
        action = null;
      } else if (step instanceof StoryStep.Action next && next.name() != null) {
        addIfUnhappy(loop, intent, action, next.name(), waits);
        action = next.name().equals(Elements.ACTION_LISTEN) ? null : next.name();
      } else if (step instanceof StoryStep.Loop l) {
        loop = l.name();
      }
    }
    if (waitsAtEnd) {
      addIfUnhappy(loop, intent, action, Elements.ACTION_LISTEN, waits);
    }
  }

  /** Inside a loop, after an action other than the loop, something other than the loop runs. */
  private static void addIfUnhappy(
      String loop, String intent, String action, String next, Set<String> waits) {
    if (loop != null && action != null && !action.equals(loop) && !next.equals(loop)) {
      waits.add(key(loop, intent, action));
    }
  }

  /** Whether a story or rule leaves the loop aside after this intent and action. */
  boolean leavesLoopAfter(String loop, String intent, String action) {
    return waits.contains(key(loop, intent, action));
  }

  private static String key(String loop, String intent, String action) {
    return loop + "|" + intent + "|" + action;
  }
}
