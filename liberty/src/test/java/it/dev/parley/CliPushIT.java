package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's {@code push} against a real server: the built launcher jar ({@code
 * liberty/cli/target/parley-cli.jar}, run as its own process) trains a model file offline and
 * uploads it through the admin API, which serves its trained artefacts without training (the
 * version says {@code loaded}, and the server's NLU ranks exactly as the command line's shell); the
 * new bot answers with the key the push printed; a model file whose project was changed after
 * training is refused when it must load, and a truncated one is refused with 400 and stores
 * nothing; a project the server refuses exits with 1 and its problems' file and line.
 */
class CliPushIT {

  private static final Pattern KEY = Pattern.compile("shown once\\): (\\S+)");
  private static final Pattern UNDERSTOOD = Pattern.compile("(?m)^  > (\\S+ \\(\\d\\.\\d{3}\\))");

  private final ParleyServer server = ParleyServer.shared();

  private record Run(int status, String out, String err) {}

  private static Run cli(Path work, String... args) throws IOException, InterruptedException {
    return cliWithInput(work, "", args);
  }

  private static Run cliWithInput(Path work, String input, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("parley.cli.jar"));
    command.addAll(List.of(args));
    Path out = work.resolve("out-" + System.nanoTime());
    Path err = work.resolve("err-" + System.nanoTime());
    Path in = Files.writeString(work.resolve("in-" + System.nanoTime()), input);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
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
    assertTrue(
        pushed.out().contains("the server loaded the trained model (nothing was trained)"),
        pushed.out());
    assertEquals("loaded", versionModel(1));
    Matcher key = KEY.matcher(pushed.out());
    assertTrue(key.find(), pushed.out());
    Conversation chat =
        new Conversation(
            server, "cli-push", "mood", "cli-sender", ParleyServer.bearer(key.group(1)));
    assertEquals(List.of("Hey! How are you?"), chat.say("hello"));
    assertSameUnderstanding(work, model, key.group(1));

    Path changed = work.resolve("changed.zip");
    Files.write(changed, withChangedDomain(Files.readAllBytes(model)));
    Run mustLoad =
        cli(
            work,
            "push",
            changed.toString(),
            "--url",
            server.baseUrl(),
            "--tenant",
            "cli-push",
            "--bot",
            "mood",
            "--require-trained");
    assertEquals(1, mustLoad.status(), mustLoad.out() + mustLoad.err());
    assertTrue(
        mustLoad.err().contains("the server answered 409: trained_model_rejected"), mustLoad.err());
    assertTrue(mustLoad.err().contains("project files differ"), mustLoad.err());

    Run retrained =
        cli(
            work,
            "push",
            changed.toString(),
            "--url",
            server.baseUrl(),
            "--tenant",
            "cli-push",
            "--bot",
            "mood");
    assertEquals(0, retrained.status(), retrained.out() + retrained.err());
    assertTrue(retrained.out().contains("pushed cli-push/mood: version 2"), retrained.out());
    assertTrue(
        retrained.out().contains("the server trained the project again: the project files differ"),
        retrained.out());
    assertEquals("trained", versionModel(2));

    byte[] whole = Files.readAllBytes(model);
    HttpResponse<String> truncated =
        server.put(
            "/api/admin/tenants/cli-push/bots/mood",
            Arrays.copyOf(whole, whole.length * 2 / 3),
            "application/zip",
            ParleyServer.admin());
    assertEquals(400, truncated.statusCode(), truncated.body());
    assertEquals("invalid_zip", ParleyServer.json(truncated).path("error").asText());
    JsonNode versions = versions();
    assertEquals(2, versions.path("versions").size(), versions.toString());
    assertEquals(2, versions.path("active_version").asInt(), versions.toString());

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
    assertTrue(again.out().contains("pushed cli-push/mood: version 3"), again.out());
    assertEquals("trained", versionModel(3));
  }

  private JsonNode versions() throws IOException {
    HttpResponse<String> response =
        server.get("/api/admin/tenants/cli-push/bots/mood/versions", ParleyServer.admin());
    assertEquals(200, response.statusCode(), response.body());
    return ParleyServer.json(response);
  }

  /** Where the model of a version of cli-push/mood came from: trained or loaded. */
  private String versionModel(int version) throws IOException {
    for (JsonNode row : versions().path("versions")) {
      if (row.path("version").asInt() == version) {
        return row.path("model").asText();
      }
    }
    throw new AssertionError("no version " + version + " in " + versions());
  }

  /**
   * The server's NLU ranks each message as the command line's shell does with the same model file:
   * the same intent with the same confidence.
   */
  private void assertSameUnderstanding(Path work, Path model, String key) throws Exception {
    List<String> texts = List.of("hello", "I am very sad", "perfect, thanks", "goodbye");
    Run shell = cliWithInput(work, String.join("\n", texts) + "\n", "shell", model.toString());
    assertEquals(0, shell.status(), shell.out() + shell.err());
    Matcher understood = UNDERSTOOD.matcher(shell.out());
    for (String text : texts) {
      assertTrue(understood.find(), shell.out());
      JsonNode parse =
          ParleyServer.json(
              server.postJson(
                  "/api/tenants/cli-push/bots/mood/model/parse",
                  ParleyServer.JSON.writeValueAsString(Map.of("text", text)),
                  ParleyServer.bearer(key)));
      String served =
          parse.path("intent").path("name").asText()
              + String.format(
                  Locale.ROOT, " (%.3f)", parse.path("intent").path("confidence").asDouble());
      assertEquals(understood.group(1), served, text + ": " + parse);
    }
  }

  /** The model file with one more line in domain.yml (the manifest and artefacts unchanged). */
  private static byte[] withChangedDomain(byte[] zip) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] content = in.readAllBytes();
        if (entry.getName().equals("domain.yml")) {
          content =
              (new String(content, StandardCharsets.UTF_8) + "\n# changed after training\n")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
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
