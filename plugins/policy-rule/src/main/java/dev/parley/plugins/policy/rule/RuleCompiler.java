package dev.parley.plugins.policy.rule;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.Rule;
import dev.parley.plugins.dialogue.Element;
import dev.parley.plugins.dialogue.Element.Kind;
import dev.parley.plugins.dialogue.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rules into patterns: one per action step (what came before it, then the action), plus the
 * implicit {@code action_listen} after the last action unless the rule says {@code
 * wait_for_user_input: false}.
 */
final class RuleCompiler {

  private RuleCompiler() {}

  static List<RulePattern> compile(List<Rule> rules, boolean checkContradictions) {
    List<RulePattern> patterns = new ArrayList<>();
    for (Rule rule : rules) {
      List<Element> steps = Elements.ofSteps(rule.steps(), false);
      List<Element> conditions = Elements.ofSteps(rule.conditions(), false);
      for (int i = 0; i < steps.size(); i++) {
        Element step = steps.get(i);
        if (step.kind() == Kind.ACTION && (i > 0 || rule.conversationStart())) {
          patterns.add(
              new RulePattern(
                  rule.name(),
                  List.copyOf(steps.subList(0, i)),
                  conditions,
                  rule.conversationStart(),
                  step.name()));
        }
      }
      boolean endsWithAction =
          steps.stream()
              .filter(Element::isTurn)
              .reduce((a, b) -> b)
              .map(e -> e.kind() == Kind.ACTION)
              .orElse(false);
      if (rule.waitForUserInput() && endsWithAction) {
        patterns.add(
            new RulePattern(
                rule.name(), steps, conditions, rule.conversationStart(), Elements.ACTION_LISTEN));
      }
    }
    if (checkContradictions) {
      checkContradictions(patterns);
    }
    return patterns;
  }

  private static void checkContradictions(List<RulePattern> patterns) {
    Map<String, RulePattern> seen = new HashMap<>();
    for (RulePattern pattern : patterns) {
      RulePattern other = seen.putIfAbsent(pattern.situation(), pattern);
      if (other != null && !other.action().equals(pattern.action())) {
        throw new PluginException(
            "rules '"
                + other.rule()
                + "' and '"
                + pattern.rule()
                + "' contradict each other: after the same steps one runs "
                + other.action()
                + ", the other "
                + pattern.action());
      }
    }
  }
}
