package dev.parley.plugin.bot;

import java.util.List;

/**
 * A rule from {@code rules.yml}.
 *
 * @param name the rule name
 * @param conditions slot and loop steps that must hold before the rule's steps
 * @param conversationStart whether the rule only applies at the start of a conversation
 * @param waitForUserInput whether the bot listens after the last step (Rasa's default {@code true})
 * @param steps the steps in order
 */
public record Rule(
    String name,
    List<StoryStep> conditions,
    boolean conversationStart,
    boolean waitForUserInput,
    List<StoryStep> steps) {

  /** Copies the lists. */
  public Rule {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    steps = List.copyOf(steps);
  }
}
