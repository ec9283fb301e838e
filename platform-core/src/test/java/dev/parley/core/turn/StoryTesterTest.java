package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginRegistry;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoryTesterTest {

  private static BotProject project;
  private static BotModel model;

  @BeforeAll
  static void trainDemo() throws Exception {
    ServerSettings settings = TestSettings.inDir("target/story-test");
    project = new BotProjectParser().parse(DemoBotFiles.load());
    model =
        new BotAssembler(new PluginRegistry(settings))
            .assemble("demo", "demo", 1, project, new HashMap<>(), true);
  }

  private static StoryTestReport run(String yaml) {
    return StoryTester.run(
        model, new BotProjectParser().parseTestStories("test_stories.yml", yaml, model.domain()));
  }

  @Test
  void theDemoBotPassesItsOwnTestStories() {
    StoryTestReport report = StoryTester.run(model, project.testStories());
    assertEquals(List.of(), report.failed());
    assertEquals(project.testStories().size(), report.passed());
    assertTrue(report.total() >= 4);
  }

  @Test
  void aWrongActionIsReportedAtItsStep() {
    StoryTestReport report =
        run(
            String.join(
                "\n",
                "stories:",
                "  - story: greets then asks",
                "    steps:",
                "      - intent: greet",
                "      - action: utter_greet",
                "      - intent: order_meal",
                "      - action: utter_goodbye",
                ""));
    assertEquals(1, report.total());
    assertEquals(0, report.passed());
    StoryTestReport.Failure failure = report.failed().get(0);
    assertEquals("greets then asks", failure.story());
    assertEquals(4, failure.step());
    assertEquals("action: utter_goodbye", failure.expected());
    assertEquals("action: order_form", failure.predicted());
  }

  @Test
  void aMisunderstoodMessageIsReportedAsAnIntentDifference() {
    StoryTestReport report =
        run(
            String.join(
                "\n",
                "stories:",
                "  - story: nlu",
                "    steps:",
                "      - user: |",
                "          hello there",
                "        intent: goodbye",
                ""));
    StoryTestReport.Failure failure = report.failed().get(0);
    assertEquals(1, failure.step());
    assertEquals("intent: goodbye", failure.expected());
    assertEquals("intent: greet", failure.predicted());
  }

  @Test
  void formsRunAndAnExtraBotTurnIsCaught() {
    StoryTestReport report =
        run(
            String.join(
                "\n",
                "stories:",
                "  - story: the form asks and waits",
                "    steps:",
                "      - intent: order_meal",
                "      - action: order_form",
                "      - active_loop: order_form",
                "      - slot_was_set:",
                "          - requested_slot: meal_kind",
                "      - intent: inform",
                "        entities:",
                "          - meal_kind: beef",
                "      - action: order_form",
                "  - story: the bot must listen after greeting",
                "    steps:",
                "      - intent: greet",
                "      - intent: greet",
                ""));
    assertEquals(2, report.total());
    assertEquals(1, report.passed(), report.failed().toString());
    assertEquals(
        new StoryTestReport.Failure(
            "the bot must listen after greeting", 2, "intent: greet", "action: utter_greet"),
        report.failed().get(0));
  }

  @Test
  void storiesThatNameUnknownIntentsAreRejectedWithTheirLine() {
    BotDefinitionException error =
        assertThrows(
            BotDefinitionException.class,
            () ->
                run(
                    String.join(
                        "\n",
                        "stories:",
                        "  - story: unknown",
                        "    steps:",
                        "      - intent: fly_to_the_moon",
                        "")));
    assertEquals(4, error.errors().get(0).line());
  }
}
