package dev.parley.core.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.admin.StoryTestRuns;
import dev.parley.core.turn.StoryTestReport;
import java.util.List;

/**
 * A test-story run: the counts and the first difference of each failed story (as before), and every
 * story with its steps and, when it failed, the failing step and the conversation as the bot saw
 * it.
 */
public record StoryTestDto(
    int total, int passed, List<StoryTestReport.Failure> failed, List<StoryDto> stories) {

  /**
   * One story.
   *
   * @param failedStep the failing step's position (from 1), or null when it passed
   * @param expected what the failing step says, or null
   * @param predicted what the bot did instead, or null
   */
  public record StoryDto(
      String story,
      boolean passed,
      List<String> steps,
      Integer failedStep,
      String expected,
      String predicted,
      List<JsonNode> conversation) {}

  /** The JSON body of a run. */
  public static StoryTestDto from(StoryTestRuns.StoryTestDetails details) {
    return new StoryTestDto(
        details.total(),
        details.passed(),
        details.failed(),
        details.stories().stream()
            .map(
                s ->
                    new StoryDto(
                        s.story(),
                        s.passed(),
                        s.steps(),
                        s.failure().map(StoryTestReport.Failure::step).orElse(null),
                        s.failure().map(StoryTestReport.Failure::expected).orElse(null),
                        s.failure().map(StoryTestReport.Failure::predicted).orElse(null),
                        s.conversation()))
            .toList());
  }
}
