package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that shares its database (here the embedded H2 opened with {@code AUTO_SERVER=TRUE},
 * which lets other servers in) and is given neither encryption keys nor an admin password refuses
 * to start: {@code java -jar parley.jar} ends by itself with exit code 78, its console names the
 * settings to set, and it generated no secret into its data dir.
 */
class SharedSecretsIT {

  @Test
  void aServerSharingItsDatabaseWithoutSecretsRefusesToStart() throws Exception {
    assumeTrue(ItDatabase.configured().isEmpty(), "once, in the run on the embedded database");
    Path dir =
        Path.of(System.getProperty("parley.it.dir", "target/it")).resolveSibling("it-secrets");
    Files.createDirectories(dir);
    Path data = dir.resolve("data");
    Path log = dir.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(ParleyServer.javaCommand("512m"))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PARLEY_"));
    env.put("PARLEY_HTTP_PORT", String.valueOf(ParleyServer.anyFreePort()));
    env.put("PARLEY_DATA_DIR", data.toString());
    env.put("PARLEY_DB_URL", "jdbc:h2:file:" + data.resolve("db/parley") + ";AUTO_SERVER=TRUE");
    env.put("PARLEY_DEMO_BOT", "false");
    env.put("WLP_JAR_EXTRACT_ROOT", dir.resolve("wlp-extract").toAbsolutePath().toString());
    Process process = builder.start();
    try {
      assertTrue(
          process.waitFor(120, TimeUnit.SECONDS), "the server ended by itself:\n" + text(log));
      assertEquals(78, process.exitValue(), text(log));
    } finally {
      process.destroyForcibly();
    }
    String console = text(log);
    assertTrue(console.contains("Parley refuses to start"), console);
    assertTrue(console.contains("PARLEY_DB_URL"), console);
    for (String variable :
        new String[] {
          "PARLEY_ENCRYPTION_KEYS", "PARLEY_ENCRYPTION_KEY_FILE", "PARLEY_ADMIN_PASSWORD"
        }) {
      assertTrue(console.contains(variable), variable + " named in:\n" + console);
    }
    assertFalse(Files.exists(data.resolve("encryption-keys")), "no key was generated");
    assertFalse(Files.exists(data.resolve("admin-password")), "no admin password was generated");
  }

  private static String text(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
