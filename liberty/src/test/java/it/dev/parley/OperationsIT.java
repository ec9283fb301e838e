package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Health, metrics, status, version and the per-turn JSON log line. */
class OperationsIT {

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void readinessReportsTheLoadedBots() throws IOException {
    var response = server.get("/health/ready");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode health = ParleyServer.json(response);
    assertEquals("UP", health.path("status").asText());
    assertTrue(health.toString().contains("\"bots\""), health.toString());
  }

  @Test
  void metricsCountTurns() throws IOException {
    new Conversation(server, "demo", "demo", "it-metrics-" + System.nanoTime()).say("hello");
    String metrics = server.get("/metrics?scope=application").body();
    assertTrue(metrics.contains("parley_turns_total"), metrics);
    assertTrue(metrics.contains("tenant=\"demo\""), metrics);
  }

  @Test
  void libertysPerRequestTimingsAreOffAndThePoolGaugesStay() throws IOException {
    new Conversation(server, "demo", "demo", "it-vendor-" + System.nanoTime()).say("hello");
    String vendor = server.get("/metrics?scope=vendor").body();
    assertFalse(vendor.contains("http_server_request_duration"), vendor);
    assertFalse(vendor.contains("servlet_request"), vendor);
    assertTrue(vendor.contains("threadpool_"), vendor);
  }

  @Test
  void anAnswerThatLeavesTheAskedSlotEmptyIsCounted() throws IOException {
    double before = slotFillFailures();
    Conversation conversation =
        new Conversation(server, "demo", "demo", "it-fill-" + System.nanoTime());
    conversation.say("I'd like to order a chicken set meal");
    conversation.say("hmm");
    assertTrue(slotFillFailures() >= before + 1, "the size was asked again and counted");
  }

  private double slotFillFailures() throws IOException {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile(
                "(?m)^parley_slot_fill_failures_total\\{[^}]*tenant=\"demo\"[^}]*}\\s+([0-9.]+)")
            .matcher(server.get("/metrics?scope=application").body());
    double total = 0;
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(1));
    }
    return total;
  }

  @Test
  void statusAndVersion() throws IOException {
    JsonNode status = ParleyServer.json(server.get("/status"));
    assertTrue(status.path("ready").asBoolean());
    assertTrue(status.path("bots").toString().contains("\"demo\""));
    JsonNode version = ParleyServer.json(server.get("/version"));
    assertTrue(!version.path("version").asText().isBlank());
  }

  @Test
  void everyTurnWritesOneJsonLogLine() throws IOException {
    String sender = "it-log-" + System.nanoTime();
    new Conversation(server, "demo", "demo", sender).say("hello");
    List<String> lines;
    try (Stream<Path> logs = Files.list(server.workDir())) {
      lines =
          logs.filter(p -> p.getFileName().toString().startsWith("server-"))
              .flatMap(ApiLogs::lines)
              .filter(line -> line.contains(sender))
              .toList();
    }
    assertEquals(1, lines.size(), lines.toString());
    JsonNode record = ParleyServer.JSON.readTree(lines.get(0));
    JsonNode turn = ParleyServer.JSON.readTree(record.path("message").asText());
    assertEquals("demo", turn.path("tenant").asText());
    assertEquals(sender, turn.path("sender_id").asText());
    assertTrue(turn.has("intent") && turn.has("confidence") && turn.has("latency_ms"));
  }

  @Test
  void theJitWarmUpRanBeforeReadyAndLeftNoConversationOrTurnLogBehind() throws IOException {
    List<String> lines = ApiLogs.lines(server.workDir().resolve("server-1.log")).toList();
    java.util.regex.Pattern summary =
        java.util.regex.Pattern.compile(
            "JIT warm-up: (\\d+) messages to \\d+ bot\\(s\\).* (\\d+) warm-up conversations erased");
    int summaryLine = indexOf(lines, "JIT warm-up: ");
    assertTrue(summaryLine >= 0, "no warm-up summary in the first start's log");
    java.util.regex.Matcher warmUp = summary.matcher(lines.get(summaryLine));
    assertTrue(warmUp.find(), lines.get(summaryLine));
    assertTrue(Integer.parseInt(warmUp.group(1)) > 0, warmUp.group());
    assertTrue(Integer.parseInt(warmUp.group(2)) > 0, warmUp.group());
    assertTrue(summaryLine < indexOf(lines, "Parley ready in"), "ready came before the warm-up");
    assertTrue(
        lines.stream().noneMatch(line -> line.contains("parley-warmup-")),
        "a warm-up turn reached the turn log");
    JsonNode left =
        ParleyServer.json(
            server.get(
                "/api/admin/tenants/demo/bots/demo/conversations?sender=parley-warmup-&limit=10",
                ParleyServer.admin()));
    assertEquals(0, left.size(), left.toString());
    String metrics = ParleyServer.sharedMetricsAtStart();
    for (String family :
        List.of(
            "parley_turns_total",
            "parley_low_confidence_turns_total",
            "parley_nlu_parses_total",
            "parley_nlu_low_confidence_total",
            "parley_plugin_calls_total",
            "parley_tracker_load_duration_seconds_count")) {
      assertEquals(0.0, sum(metrics, family), family + " counted the warm-up:\n" + metrics);
    }
  }

  /** The sum of a metric family's samples in Prometheus text (0 when absent). */
  private static double sum(String metrics, String family) {
    java.util.regex.Matcher sample =
        java.util.regex.Pattern.compile("(?m)^" + family + "(?:\\{[^}]*})?\\s+([0-9.eE+-]+)")
            .matcher(metrics);
    double total = 0;
    while (sample.find()) {
      total += Double.parseDouble(sample.group(1));
    }
    return total;
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  /** Reads log files line by line. */
  static final class ApiLogs {
    static Stream<String> lines(Path file) {
      try {
        return Files.readAllLines(file).stream();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
