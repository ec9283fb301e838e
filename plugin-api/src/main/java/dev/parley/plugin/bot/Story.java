package dev.parley.plugin.bot;

import java.util.List;

/**
 * A linear story (after {@code or} and checkpoint expansion).
 *
 * @param name the story name
 * @param steps the steps in order
 */
public record Story(String name, List<StoryStep> steps) {

  /** Copies the list. */
  public Story {
    steps = List.copyOf(steps);
  }
}
