package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStoriesCommandTest {

  private static final String DEMO = "../../platform-core/src/main/resources/demo-bot";

  @Test
  void runsTheTestStoriesOfABotFolder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        TestStoriesCommand.run(
            new String[] {DEMO},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    JsonNode report = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8)).path("report");
    assertTrue(report.path("total").asInt() >= 4, report.toString());
    assertEquals(report.path("total"), report.path("passed"));
  }

  @Test
  void aFailingStoryGivesStatusOneAndAnInvalidProjectTwo(@TempDir Path dir) throws Exception {
    Path bot = dir.resolve("bot");
    Files.createDirectories(bot.resolve("tests"));
    for (Path file : Files.walk(Path.of(DEMO)).filter(Files::isRegularFile).toList()) {
      Path target = bot.resolve(Path.of(DEMO).relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(
        bot.resolve("tests/test_wrong.yml"),
        "stories:\n  - story: wrong\n    steps:\n      - intent: greet\n      - action: utter_goodbye\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(
        1,
        TestStoriesCommand.run(
            new String[] {bot.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            sink));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("\"predicted\":\"action: utter_greet\""));

    Files.writeString(bot.resolve("domain.yml"), "intents: [\n");
    assertEquals(2, TestStoriesCommand.run(new String[] {bot.toString()}, sink, sink));
  }
}
