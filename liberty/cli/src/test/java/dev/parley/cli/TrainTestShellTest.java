package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code test} and {@code shell} on Rasa's moodbot, trained once. */
class TrainTestShellTest {

  @TempDir static Path dir;
  private static Path model;

  @BeforeAll
  static void train() throws Exception {
    model = dir.resolve("out/moodbot.zip");
    CliRun run = CliRun.of("train", CliRun.MOODBOT.toString(), "--out", model.toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("trained moodbot"), run.out());
  }

  @Test
  void theModelFileHoldsTheProjectAndTheTrainedArtefacts() throws Exception {
    ModelFile.Contents contents = ModelFile.read(model);
    assertEquals("moodbot", contents.bot());
    assertTrue(contents.files().containsKey("domain.yml"), contents.files().keySet().toString());
    assertTrue(contents.files().containsKey("data/nlu.yml"));
    assertFalse(contents.artifacts().isEmpty());
    // the manifest names the project's hash and the plugins that trained the artefacts
    var archive = dev.parley.core.bot.ModelArchive.read(Files.readAllBytes(model)).orElseThrow();
    assertEquals(dev.parley.core.bot.ModelArchive.FORMAT, archive.manifest().format());
    assertEquals(
        java.util.Optional.of(dev.parley.core.bot.ProjectHash.of(contents.files())),
        archive.manifest().projectHash());
    assertFalse(archive.manifest().trainedBy().isEmpty());
    // the server's import reads the same file as a project (it skips models/)
    assertEquals(
        contents.files().keySet(),
        dev.parley.core.bot.definition.ProjectFiles.fromZip(Files.readAllBytes(model)).keySet());
  }

  @Test
  void testRunsTheStoriesAndCrossValidatesTheNluFromTheModelFile() throws Exception {
    Path results = dir.resolve("results-model");
    CliRun run = CliRun.of("test", model.toString(), "--out", results.toString(), "--folds", "3");
    assertEquals(0, run.status(), run.out() + run.err());
    assertTrue(run.err().contains("loading moodbot"), run.err());
    assertTrue(run.out().contains("stories: 7/7 passed"), run.out());
    assertTrue(run.out().contains("nlu (cross_validation)"), run.out());
    JsonNode summary = Json.mapper().readTree(results.resolve("summary.json").toFile());
    assertTrue(summary.path("passed").asBoolean());
    assertEquals(7, summary.path("stories").path("total").asInt());
    assertEquals(68, summary.path("nlu").path("examples").asInt());
    JsonNode intents = Json.mapper().readTree(results.resolve("intent_report.json").toFile());
    assertTrue(intents.has("greet") && intents.has("weighted avg"), intents.toString());
    JsonNode stories = Json.mapper().readTree(results.resolve("story_report.json").toFile());
    assertEquals(7, stories.path("passed").asInt());
    assertTrue(Files.exists(results.resolve("intent_errors.json")));
    assertTrue(Files.exists(results.resolve("failed_test_stories.yml")));
  }

  @Test
  void aFailingStoryOrNluTestDataBelowTheBoundExitsWithOne() throws Exception {
    Path bot = CliRun.copy(CliRun.MOODBOT, dir.resolve("failing"));
    Files.writeString(
        bot.resolve("tests/test_stories.yml"),
        "\n- story: wrong answer\n  steps:\n  - intent: greet\n  - action: utter_goodbye\n",
        StandardOpenOption.APPEND);
    Files.writeString(
        bot.resolve("tests/nlu.yml"),
        "version: \"3.1\"\nnlu:\n- intent: greet\n  examples: |\n    - hello there\n"
            + "- intent: goodbye\n  examples: |\n    - hello there\n");
    CliRun run = CliRun.of("test", bot.toString());
    assertEquals(1, run.status(), run.out() + run.err());
    assertTrue(run.out().contains("stories: 7/8 passed"), run.out());
    assertTrue(
        run.out().contains("FAILED wrong answer, step 2: expected action: utter_goodbye"),
        run.out());
    assertTrue(run.out().contains("nlu (test_data): accuracy 0.500"), run.out());
    String failed = Files.readString(bot.resolve("results/failed_test_stories.yml"));
    assertTrue(
        failed.contains("- action: utter_goodbye  # predicted: action: utter_greet"), failed);
    assertEquals(
        0, CliRun.of("test", bot.toString(), "--nlu-only", "--min-accuracy", "0.5").status());
  }

  @Test
  void anInvalidProjectExitsWithTwo() throws Exception {
    CliRun run = CliRun.of("test", CliRun.BROKEN.toString(), "--out", dir.resolve("b").toString());
    assertEquals(2, run.status(), run.out() + run.err());
    assertTrue(run.err().contains("stories.yml:7: error: unknown intent"), run.err());
  }

  @Test
  void theShellShowsEachMessagesIntentAndTheBotsAnswers() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    String input = "hello\nI am very sad\n/restart\n/greet\n/stop\nnever read\n";
    int status =
        new ShellCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))
            .run(
                new String[] {model.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                err);
    assertEquals(0, status);
    String transcript = out.toString(StandardCharsets.UTF_8);
    assertTrue(transcript.contains("you: hello\n  > greet ("), transcript);
    assertTrue(transcript.contains("bot: Hey! How are you?"), transcript);
    assertTrue(transcript.contains("  > mood_unhappy ("), transcript);
    assertTrue(transcript.contains("bot: Did that help you?"), transcript);
    assertTrue(
        transcript.contains("(new conversation)\nyou: /greet\n  > greet (1.000)"), transcript);
    assertFalse(transcript.contains("never read"), transcript);
  }
}
