package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two Parley hosts, each a network namespace with its own address and a CPU quota, one PostgreSQL
 * host and one client host, built by {@code liberty/bench/hosts.sh --fault kill}: conversations
 * talk to both hosts (each message to a random host, resent with the same {@code message_id} to the
 * other until answered) while one host is killed with {@code kill -9}. Afterwards every
 * conversation's tracker must hold each answered message exactly once, in order, every turn
 * complete. Runs once, in the PostgreSQL round (it needs PostgreSQL's binaries), as root.
 */
class HostsFaultIT {

  @Test
  void killingOneOfTwoHostsLosesAndDuplicatesNothing() throws Exception {
    assumeTrue(ItDatabase.configured().isPresent(), "once, in the run with PostgreSQL installed");
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "needs root: network namespaces and cgroups");
    Path bench = Path.of("bench").toAbsolutePath();
    Path keep = Path.of(System.getProperty("parley.it.dir", "target/it")).resolveSibling("hosts");
    Files.createDirectories(keep);
    Path output = keep.resolve("hosts.out");
    Process process =
        new ProcessBuilder(
                "bash",
                bench.resolve("hosts.sh").toString(),
                "--fault",
                "kill",
                "--hosts",
                "2",
                "--cpu",
                "0.7",
                "--connections",
                "12",
                "--warmup",
                "6",
                "--duration",
                "18",
                "--subnet",
                "10.232.0",
                "--server-warmup",
                "0",
                "--keep",
                keep.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      assertTrue(process.waitFor(8, TimeUnit.MINUTES), "hosts.sh ended:\n" + text(output));
    } finally {
      process.destroy();
    }
    assertEquals(0, process.exitValue(), text(output));
    JsonNode result =
        new ObjectMapper().readTree(Files.readString(keep.resolve("fault.json")).strip());
    String report = text(output);
    assertTrue(result.path("answered").asInt() > 50, "messages were answered: " + report);
    assertEquals(0, result.path("unanswered").asInt(), report);
    assertEquals(0, result.path("lost").asInt(), report);
    assertEquals(0, result.path("duplicated").asInt(), report);
    assertEquals(0, result.path("out_of_order").asInt(), report);
    assertEquals(0, result.path("half_done").asInt(), report);
    assertEquals(0, result.path("unreadable_trackers").asInt(), report);
    assertTrue(report.contains("killed host 2"), report);
  }

  private static String text(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
  }
}
