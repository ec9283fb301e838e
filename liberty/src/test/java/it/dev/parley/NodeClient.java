package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the node scripts under {@code src/test/node} (which drive official channel client
 * libraries) with a JSON config, and returns what it printed as JSON.
 */
final class NodeClient {

  private NodeClient() {}

  static JsonNode run(String script, JsonNode config) throws IOException, InterruptedException {
    Path dir = Path.of(System.getProperty("parley.node.dir", "src/test/node")).toAbsolutePath();
    Path out = Files.createTempFile("node-client-", ".json");
    Path err = Files.createTempFile("node-client-", ".log");
    Process node =
        new ProcessBuilder("node", script, config.toString())
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(node.waitFor(90, TimeUnit.SECONDS), script + " did not finish");
    assertEquals(
        0, node.exitValue(), script + " failed: " + Files.readString(err, StandardCharsets.UTF_8));
    return ParleyServer.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
  }
}
