package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser: runs {@code admin-ui/e2e/console.e2e.mjs} (playwright-core driving
 * Debian's headless Chromium) against the test server. Screenshots of each page go to {@code
 * target/console-screenshots/}. Runs on the embedded database only (the UI is the same on
 * PostgreSQL); skipped when {@code /usr/bin/chromium} is missing ({@code .ci/run} installs it).
 */
class ConsoleE2EIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String OTHER_PASSWORD = "other tenant password";

  @Test
  void consoleWorksInChromium() throws Exception {
    Assumptions.assumeTrue(
        System.getProperty("parley.it.external.db.url", "").isBlank(),
        "the browser test runs in the embedded-database run");
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Debian's chromium is not installed (apt-get install chromium)");
    Path console =
        Path.of(System.getProperty("parley.console.dir", "../admin-ui")).toAbsolutePath();
    Path script = console.resolve("e2e/console.e2e.mjs");
    assertTrue(Files.exists(console.resolve("node_modules/playwright-core")), "npm ci has run");

    ParleyServer server = ParleyServer.shared();
    // the other tenant's admin, who must not reach the tenant the browser creates
    server.put("/api/admin/tenants/e2e-rival", new byte[0], null, ParleyServer.admin());
    HttpResponse<String> user =
        server.put(
            "/api/admin/tenants/e2e-rival/users/rival-admin",
            ("{\"role\":\"tenant_admin\",\"password\":\"" + OTHER_PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8),
            "application/json",
            ParleyServer.admin());
    assertEquals(201, user.statusCode(), user.body());

    Path work = Path.of(System.getProperty("parley.it.dir", "target/it")).resolveSibling("e2e");
    Files.createDirectories(work);
    byte[] good = BotProjects.zip("moodbot");
    Path goodZip = Files.write(work.resolve("moodbot.zip"), good);
    Path brokenZip = Files.write(work.resolve("moodbot-broken.zip"), breakStories(good));
    Path screenshots =
        Path.of(System.getProperty("parley.console.screenshots", "target/console-screenshots"));
    Path log = work.resolve("e2e.log");

    ProcessBuilder builder =
        new ProcessBuilder("node", script.toString())
            .directory(console.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PARLEY_URL", server.baseUrl());
    builder.environment().put("ADMIN_PASSWORD", ParleyServer.ADMIN_PASSWORD);
    builder.environment().put("GOOD_ZIP", goodZip.toAbsolutePath().toString());
    builder.environment().put("BROKEN_ZIP", brokenZip.toAbsolutePath().toString());
    builder.environment().put("OTHER_TENANT", "e2e-rival");
    builder.environment().put("OTHER_USER", "rival-admin");
    builder.environment().put("OTHER_PASSWORD", OTHER_PASSWORD);
    builder.environment().put("SCREENSHOTS", screenshots.toAbsolutePath().toString());
    builder.environment().put("CHROMIUM", CHROMIUM.toString());
    Process process = builder.start();
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the browser test did not finish in 10 minutes:\n" + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains(" passed, 0 failed"), output);
    assertTrue(Files.exists(screenshots.resolve("05-test-chat.png")), "screenshots saved");
    for (String page :
        new String[] {
          "03a-upload-diff-preview",
          "04b-rollback-confirm",
          "08a-story-failure",
          "08b-cross-validation-progress"
        }) {
      assertTrue(Files.exists(screenshots.resolve(page + ".png")), page + " saved");
    }
  }

  /** The project with one story naming a response the domain does not have. */
  private static byte[] breakStories(byte[] zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream broken = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (entry.getName().endsWith("data/stories.yml")) {
          content =
              new String(content, StandardCharsets.UTF_8)
                  .replaceFirst("utter_cheer_up\\b", "utter_cheer_up_now")
                  .getBytes(StandardCharsets.UTF_8);
        }
        broken.putNextEntry(new ZipEntry(entry.getName()));
        broken.write(content);
        broken.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
