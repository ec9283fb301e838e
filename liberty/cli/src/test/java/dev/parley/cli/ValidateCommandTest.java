package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @Test
  void aCleanProjectExitsWithZero() throws Exception {
    CliRun run = CliRun.of("validate", CliRun.MOODBOT.toString());
    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(run.out().contains("0 error(s)"), run.out());
  }

  @Test
  void unknownIntentsAndResponsesAreErrorsWithFileAndLine() throws Exception {
    CliRun run = CliRun.of("validate", CliRun.BROKEN.toString());
    assertEquals(1, run.status(), run.out() + run.err());
    assertTrue(
        run.out().contains("broken/data/stories.yml:7: error: unknown intent 'order_pizza'"),
        run.out());
    assertTrue(
        run.out().contains("stories.yml:8: error: action 'utter_pizza'")
            && run.out().contains("has no response in the domain"),
        run.out());
  }

  @Test
  void conflictingStoriesAndDataWarningsAreReported(@TempDir Path dir) throws Exception {
    Path bot = CliRun.copy(CliRun.MOODBOT, dir.resolve("moodbot"));
    Files.writeString(
        bot.resolve("data/stories.yml"),
        "\n- story: rude greeting\n  steps:\n  - intent: greet\n  - action: utter_goodbye\n",
        StandardOpenOption.APPEND);
    Files.writeString(
        bot.resolve("domain.yml"),
        Files.readString(bot.resolve("domain.yml")).replace("intents:", "intents:\n  - thank"));
    CliRun run = CliRun.of("validate", bot.toString());
    assertEquals(1, run.status(), run.out() + run.err());
    assertTrue(
        run.out().contains("data/stories.yml:32: error: story 'rude greeting' conflicts with"),
        run.out());
    assertTrue(run.out().contains("'utter_goodbye', the other 'utter_greet'"), run.out());
    assertTrue(
        run.out().contains("domain.yml:4: warning: intent 'thank' is declared in the domain"),
        run.out());
    assertTrue(run.out().contains("intent 'thank' is not used in any story or rule"), run.out());
  }

  @Test
  void componentSettingsAreCheckedAsTheImportChecksThem(@TempDir Path dir) throws Exception {
    Path bot = CliRun.copy(CliRun.MOODBOT, dir.resolve("moodbot"));
    String policies = "policies:\n  - name: RulePolicy\n";
    Files.writeString(
        bot.resolve("config.yml"),
        "language: en\npipeline:\n  - name: DIETClassifier\n    epochs: 100\n" + policies);
    CliRun ignored = CliRun.of("validate", bot.toString());
    assertEquals(0, ignored.status(), ignored.out() + ignored.err());
    assertTrue(
        ignored
            .out()
            .contains(
                "config.yml:4: warning: DIETClassifier: option 'epochs' is ignored by Parley"),
        ignored.out());
    Files.writeString(
        bot.resolve("config.yml"),
        "language: en\npipeline:\n  - name: LogisticRegressionIntentClassifier\n"
            + "    epochs: -5\n"
            + policies);
    CliRun outOfBounds = CliRun.of("validate", bot.toString());
    assertEquals(1, outOfBounds.status(), outOfBounds.out() + outOfBounds.err());
    assertTrue(
        outOfBounds
            .out()
            .contains(
                "config.yml:4: error: LogisticRegressionIntentClassifier: setting 'epochs' must be"
                    + " at least 1, got -5"),
        outOfBounds.out());
  }

  @Test
  void warningsFailOnlyWhenAsked() throws Exception {
    CliRun run = CliRun.of("validate", CliRun.MOODBOT.toString(), "--fail-on-warnings");
    assertEquals(1, run.status(), run.out());
    assertTrue(run.out().contains("config.yml:13: warning: no pipeline configured"), run.out());
  }

  @Test
  void aProjectZipIsReadAsTheServerReadsIt(@TempDir Path dir) throws Exception {
    Path zip = dir.resolve("moodbot.zip");
    Files.write(
        zip,
        ModelFile.projectZip(
            dev.parley.core.bot.definition.ProjectFiles.fromDirectory(CliRun.MOODBOT)));
    CliRun run = CliRun.of("validate", zip.toString());
    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(run.out().contains("moodbot.zip/config.yml:13: warning"), run.out());
  }

  @Test
  void withoutAProjectItPrintsTheUsage() throws Exception {
    CliRun run = CliRun.of("validate");
    assertEquals(2, run.status());
    assertTrue(run.err().contains("usage: parley validate"), run.err());
    assertEquals(2, CliRun.of("validate", "no/such/folder").status());
  }
}
