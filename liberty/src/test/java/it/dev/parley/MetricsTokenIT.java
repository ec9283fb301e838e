package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} is Liberty's, which cannot require a bearer token: a server given {@code
 * PARLEY_METRICS_TOKEN} refuses to start (exit code 78) and says why, without the token, rather
 * than look protected while its metrics are open.
 */
class MetricsTokenIT {

  @Test
  void aServerGivenAMetricsTokenItCannotRequireRefusesToStart() throws Exception {
    assumeTrue(ItDatabase.configured().isEmpty(), "once, in the run on the embedded database");
    Path dir =
        Path.of(System.getProperty("parley.it.dir", "target/it")).resolveSibling("it-mtoken");
    Files.createDirectories(dir);
    Path log = dir.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(ParleyServer.javaCommand("512m"))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PARLEY_"));
    env.put("PARLEY_HTTP_PORT", String.valueOf(ParleyServer.anyFreePort()));
    env.put("PARLEY_DATA_DIR", dir.resolve("data").toString());
    env.put("PARLEY_DEMO_BOT", "false");
    env.put("PARLEY_METRICS_TOKEN", "it-metrics-token-value");
    env.put("WLP_JAR_EXTRACT_ROOT", dir.resolve("wlp-extract").toAbsolutePath().toString());
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the server ended by itself");
      assertEquals(78, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
    }
    String console = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(console.contains("PARLEY_METRICS_TOKEN is set"), console);
    assertFalse(console.contains("it-metrics-token-value"), "the token is never logged");
  }
}
