package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's {@code push} against a real server: the built launcher jar ({@code
 * liberty/cli/target/parley-cli.jar}, run as its own process) trains a model file offline and
 * uploads it through the admin API; the new bot answers with the key the push printed; a project
 * the server refuses exits with 1 and its problems' file and line.
 */
class CliPushIT {

  private static final Pattern KEY = Pattern.compile("shown once\\): (\\S+)");

  private final ParleyServer server = ParleyServer.shared();

  private record Run(int status, String out, String err) {}

  private static Run cli(Path work, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("parley.cli.jar"));
    command.addAll(List.of(args));
    Path out = work.resolve("out-" + System.nanoTime());
    Path err = work.resolve("err-" + System.nanoTime());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("PARLEY_API_KEY", ParleyServer.ADMIN_PASSWORD);
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("parley " + String.join(" ", args) + " did not end");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String project(String name) throws URISyntaxException {
    return Path.of(CliPushIT.class.getResource("/bots/" + name).toURI()).toString();
  }

  @Test
  void aTrainedModelFileIsPushedAndTheBotAnswers(@TempDir Path work) throws Exception {
    Path model = work.resolve("moodbot.zip");
    Run trained = cli(work, "train", project("moodbot"), "--out", model.toString());
    assertEquals(0, trained.status(), trained.out() + trained.err());

    Run pushed =
        cli(
            work,
            "push",
            model.toString(),
            "--url",
            server.baseUrl(),
            "--tenant",
            "cli-push",
            "--bot",
            "mood");
    assertEquals(0, pushed.status(), pushed.out() + pushed.err());
    assertTrue(pushed.out().contains("pushed cli-push/mood: version 1 (new bot)"), pushed.out());
    Matcher key = KEY.matcher(pushed.out());
    assertTrue(key.find(), pushed.out());
    Conversation chat =
        new Conversation(
            server, "cli-push", "mood", "cli-sender", ParleyServer.bearer(key.group(1)));
    assertEquals(List.of("Hey! How are you?"), chat.say("hello"));

    Run again =
        cli(
            work,
            "push",
            project("moodbot"),
            "--url",
            server.baseUrl() + "/api",
            "--tenant",
            "cli-push",
            "--bot",
            "mood",
            "--note",
            "pushed again");
    assertEquals(0, again.status(), again.out() + again.err());
    assertTrue(again.out().contains("pushed cli-push/mood: version"), again.out());
  }

  @Test
  void aRefusedProjectExitsWithOneAndItsProblems(@TempDir Path work) throws Exception {
    Run refused =
        cli(
            work,
            "push",
            project("broken"),
            "--url",
            server.baseUrl(),
            "--tenant",
            "cli-push",
            "--bot",
            "broken");
    assertEquals(1, refused.status(), refused.out() + refused.err());
    assertTrue(refused.err().contains("the server answered 422"), refused.err());
    assertTrue(
        refused.err().contains("data/stories.yml:7: error: unknown intent 'order_pizza'"),
        refused.err());

    Run wrongKey =
        cli(
            work,
            "push",
            project("moodbot"),
            "--url",
            server.baseUrl(),
            "--tenant",
            "cli-push",
            "--bot",
            "mood",
            "--key",
            "not-the-password");
    assertEquals(1, wrongKey.status(), wrongKey.out() + wrongKey.err());
    assertTrue(wrongKey.err().contains("the server answered 401"), wrongKey.err());
  }
}
