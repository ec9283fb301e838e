package dev.parley.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.bot.StoryStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryTestRunsTest {

  @Test
  void describesStepsAsTheStoryFileSaysThem() {
    assertEquals(
        "user: I am sad — intent: mood_unhappy, entity mood=sad",
        StoryTestRuns.describe(
            new StoryStep.User(
                "mood_unhappy",
                List.of(new StoryStep.EntityValue("mood", "sad", null, null)),
                "I am sad")));
    assertEquals(
        "intent: greet", StoryTestRuns.describe(new StoryStep.User("greet", List.of(), null)));
    assertEquals(
        "action: utter_greet", StoryTestRuns.describe(new StoryStep.Action("utter_greet", null)));
    assertEquals("bot: Hello!", StoryTestRuns.describe(new StoryStep.Action(null, "Hello!")));
    assertEquals(
        "slot_was_set: size = large", StoryTestRuns.describe(new StoryStep.Slot("size", "large")));
    assertEquals("active_loop: null", StoryTestRuns.describe(new StoryStep.Loop(null)));
  }
}
