package dev.parley.plugins.policy.rule;

import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugins.dialogue.Element;
import dev.parley.plugins.dialogue.Element.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Matches a rule pattern against the end of a conversation: the pattern's user messages and actions
 * must equal the conversation's last ones (slot and loop changes the rule does not mention are
 * skipped); the rule's slot and loop steps must hold now; its conditions must hold where the match
 * starts.
 */
final class RuleMatcher {

  private RuleMatcher() {}

  static boolean matches(RulePattern pattern, List<Element> conversation, ConversationView view) {
    int i = conversation.size() - 1;
    String loopAtStart = view.activeLoop().orElse(null);
    for (int j = pattern.prefix().size() - 1; j >= 0; j--) {
      Element wanted = pattern.prefix().get(j);
      if (!wanted.isTurn()) {
        if (!holdsNow(wanted, view)) {
          return false;
        }
        continue;
      }
      while (i >= 0 && !conversation.get(i).isTurn()) {
        i--;
      }
      if (i < 0 || !wanted.matches(conversation.get(i))) {
        return false;
      }
      loopAtStart = conversation.get(i).loopBefore();
      i--;
    }
    if (pattern.conversationStart()) {
      for (int k = i; k >= 0; k--) {
        if (conversation.get(k).isTurn()) {
          return false;
        }
      }
    }
    for (Element condition : pattern.conditions()) {
      if (condition.kind() == Kind.LOOP) {
        if (!Objects.equals(condition.name(), loopAtStart)) {
          return false;
        }
      } else if (!holdsNow(condition, view)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holdsNow(Element check, ConversationView view) {
    if (check.kind() == Kind.LOOP) {
      return Objects.equals(check.name(), view.activeLoop().orElse(null));
    }
    Object actual = view.slots().get(check.name());
    if (Boolean.TRUE.equals(check.value()) && !(actual instanceof Boolean)) {
      return actual != null;
    }
    return Objects.equals(
        check.value() == null ? null : String.valueOf(check.value()),
        actual == null ? null : String.valueOf(actual));
  }
}
