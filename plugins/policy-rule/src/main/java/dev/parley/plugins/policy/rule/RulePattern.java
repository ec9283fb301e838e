package dev.parley.plugins.policy.rule;

import dev.parley.plugins.dialogue.Element;
import java.io.Serializable;
import java.util.List;

/**
 * One thing a rule says: after {@code prefix}, run {@code action}.
 *
 * @param rule the rule's name
 * @param prefix the rule's elements before the action (slot and loop elements are checks)
 * @param conditions slot and loop elements that must hold where the prefix starts
 * @param conversationStart whether the prefix must start the session
 * @param action the action to predict
 */
record RulePattern(
    String rule,
    List<Element> prefix,
    List<Element> conditions,
    boolean conversationStart,
    String action)
    implements Serializable {

  /** A key that is equal for patterns with equal prefixes and conditions. */
  String situation() {
    return conversationStart + "|" + conditions + "|" + prefix;
  }

  /**
   * Whether the rule, where it predicts, has no loop active (Rasa's general rule): neither its
   * condition nor its steps leave a loop active.
   */
  boolean leavesNoLoopActive() {
    String loop = null;
    for (Element condition : conditions) {
      if (condition.kind() == Element.Kind.LOOP) {
        loop = condition.name();
      }
    }
    for (Element step : prefix) {
      if (step.kind() == Element.Kind.LOOP) {
        loop = step.name();
      }
    }
    return loop == null;
  }

  /**
   * Whether this pattern says more than {@code other}: more turns, or as many turns and more checks
   * (conditions, slots, loops), as Rasa prefers the longest matching rule.
   */
  boolean moreSpecificThan(RulePattern other) {
    if (length() != other.length()) {
      return length() > other.length();
    }
    return prefix.size() + conditions.size() > other.prefix.size() + other.conditions.size();
  }

  /** How many turn elements (user messages, actions) the prefix has: longer is more specific. */
  long length() {
    return prefix.stream().filter(Element::isTurn).count();
  }
}
