package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parley.core.bot.definition.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push} against a stand-in for the admin API (the end-to-end test against a real server is
 * liberty's {@code CliPushIT}).
 */
class PushCommandTest {

  private HttpServer server;
  private final List<String> calls = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private boolean tenantExists;
  private String importAnswer =
      "{\"tenant\":\"acme\",\"bot\":\"mood\",\"created\":true,\"apiKey\":\"k-123\",\"version\":1,"
          + "\"warnings\":[{\"file\":\"config.yml\",\"line\":13,\"message\":\"no pipeline\"}]}";
  private int importStatus = 201;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          calls.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          bodies.add(exchange.getRequestBody().readAllBytes());
          int status;
          String body;
          if (path.equals("/api/admin/tenants/acme")) {
            tenantExists = true;
            status = 201;
            body = "{}";
          } else if (!tenantExists) {
            status = 404;
            body = "{\"error\":\"not_found\",\"message\":\"tenant not found\"}";
          } else {
            status = importStatus;
            body = importAnswer;
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private CliRun push(Map<String, String> env, String... extra) throws Exception {
    return pushPath(CliRun.MOODBOT, env, extra);
  }

  @Test
  void uploadsTheProjectCreatingTheTenantWithTheKeyOfTheEnvironment() throws Exception {
    CliRun run = push(Map.of("PARLEY_API_KEY", "s3cret"));
    assertEquals(0, run.status(), run.out() + run.err());
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            "PUT /api/admin/tenants/acme/bots/mood " + basic,
            "PUT /api/admin/tenants/acme " + basic,
            "PUT /api/admin/tenants/acme/bots/mood " + basic),
        calls);
    Map<String, String> uploaded = ProjectFiles.fromZip(bodies.get(2));
    assertTrue(uploaded.containsKey("domain.yml") && uploaded.containsKey("data/stories.yml"));
    assertTrue(run.out().contains("pushed acme/mood: version 1 (new bot)"), run.out());
    assertTrue(run.out().contains("API key of the new bot (shown once): k-123"), run.out());
    assertTrue(run.err().contains("moodbot/config.yml:13: warning: no pipeline"), run.err());
  }

  @Test
  void aRefusedProjectExitsWithOneAndPrintsItsProblems() throws Exception {
    tenantExists = true;
    importStatus = 422;
    importAnswer =
        "{\"error\":\"invalid_bot\",\"message\":\"1 problem(s) in the bot definition\",\"details\":"
            + "[{\"file\":\"data/stories.yml\",\"line\":7,\"message\":\"unknown intent 'x'\"}]}";
    CliRun run = push(Map.of(), "--key", "eyJh.eyJi.c2ln", "--note", "from the CLI");
    assertEquals(1, run.status(), run.out() + run.err());
    assertEquals(
        List.of(
            "PUT /api/admin/tenants/acme/bots/mood?note=from%20the%20CLI Bearer eyJh.eyJi.c2ln"),
        calls);
    assertTrue(
        run.err().contains("moodbot/data/stories.yml:7: error: unknown intent 'x'"), run.err());
  }

  @Test
  void aModelFileIsSentWholeAndTheOutputSaysWhetherTheServerLoadedIt(@TempDir Path dir)
      throws Exception {
    Path model = dir.resolve("moodbot.zip");
    assertEquals(
        0, CliRun.of("train", CliRun.MOODBOT.toString(), "--out", model.toString()).status());
    tenantExists = true;
    importAnswer =
        "{\"tenant\":\"acme\",\"bot\":\"mood\",\"created\":false,\"version\":3,"
            + "\"warnings\":[],\"model\":{\"source\":\"loaded\"}}";
    importStatus = 200;
    CliRun loaded = pushPath(model, Map.of("PARLEY_API_KEY", "x"), "--require-trained");
    assertEquals(0, loaded.status(), loaded.out() + loaded.err());
    assertTrue(calls.get(0).startsWith("PUT /api/admin/tenants/acme/bots/mood?trained=require "));
    assertArrayEquals(Files.readAllBytes(model), bodies.get(0));
    assertTrue(loaded.out().contains("the server loaded the trained model"), loaded.out());

    importAnswer =
        "{\"tenant\":\"acme\",\"bot\":\"mood\",\"created\":false,\"version\":4,"
            + "\"warnings\":[],\"model\":{\"source\":\"trained\",\"reason\":\"other plugin\"}}";
    CliRun retrained = pushPath(model, Map.of("PARLEY_API_KEY", "x"));
    assertEquals(0, retrained.status(), retrained.out() + retrained.err());
    assertTrue(
        retrained.out().contains("the server trained the project again: other plugin"),
        retrained.out());

    CliRun projectOnly = pushPath(model, Map.of("PARLEY_API_KEY", "x"), "--retrain");
    assertEquals(0, projectOnly.status(), projectOnly.out() + projectOnly.err());
    assertFalse(
        new String(bodies.get(2), StandardCharsets.ISO_8859_1).contains("models/"),
        "--retrain sends the project only");
    assertEquals(
        2,
        CliRun.of(
                "push",
                CliRun.MOODBOT.toString(),
                "--url",
                url(),
                "--tenant",
                "acme",
                "--bot",
                "mood",
                "--key",
                "x",
                "--require-trained")
            .status());
  }

  private CliRun pushPath(Path project, Map<String, String> env, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(project.toString(), "--url", url(), "--tenant", "acme", "--bot", "mood"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new PushCommand(env::get)
            .run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAKeyOrAReachableServerItExitsWithTwo() throws Exception {
    assertEquals(2, CliRun.of("push", CliRun.MOODBOT.toString(), "--url", url()).status());
    server.stop(0);
    assertEquals(2, push(Map.of("PARLEY_API_KEY", "x")).status());
  }
}
