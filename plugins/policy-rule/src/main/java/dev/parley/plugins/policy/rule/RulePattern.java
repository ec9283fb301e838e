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

  /** How many turn elements (user messages, actions) the prefix has: longer is more specific. */
  long length() {
    return prefix.stream().filter(Element::isTurn).count();
  }
}
