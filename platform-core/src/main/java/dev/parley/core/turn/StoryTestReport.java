package dev.parley.core.turn;

import java.util.List;

/**
 * The outcome of running test stories against a bot.
 *
 * @param total stories run
 * @param passed stories whose every step matched
 * @param failed for each failed story, the first step that differed
 */
public record StoryTestReport(int total, int passed, List<Failure> failed) {

  /** Copies the list. */
  public StoryTestReport {
    failed = List.copyOf(failed);
  }

  /**
   * The first step of a story where the bot did something else.
   *
   * @param story the story's name
   * @param step the step's position in the story, from 1
   * @param expected what the story says, e.g. {@code action: utter_greet} or {@code intent: greet}
   * @param predicted what the bot predicted instead
   */
  public record Failure(String story, int step, String expected, String predicted) {}
}
