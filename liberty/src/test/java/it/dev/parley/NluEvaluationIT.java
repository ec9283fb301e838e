package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * NLU on the running server: a bot trained from a slice of the shared SNIPS data set (JSONL import)
 * and its evaluation report on a slice of the test split; {@code /model/parse} with Parley's
 * decision field.
 */
class NluEvaluationIT {

  private static final String TENANT = "nlu-eval";
  private final ParleyServer server = ParleyServer.shared();

  /** The shared data sets, beside the checkout (or PARLEY_SHARED). */
  static Path datasets() {
    String shared = System.getenv("PARLEY_SHARED");
    for (Path candidate :
        List.of(
            Path.of(shared == null ? "../../shared" : shared, "datasets"),
            Path.of("/work/shared/datasets"))) {
      if (Files.isDirectory(candidate.resolve("snips"))) {
        return candidate;
      }
    }
    Assumptions.abort(
        "SNIPS not found: no ../shared/datasets/snips beside the checkout and no PARLEY_SHARED"
            + " (the set states no licence, so it is not in the repository)");
    return null;
  }

  /** The first {@code perIntent} lines of each intent. */
  private static String slice(Path file, int perIntent) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String intent = ParleyServer.JSON.readTree(line).path("intent").asText();
      if (counts.merge(intent, 1, Integer::sum) <= perIntent) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void aBotTrainedFromAJsonlSliceIsEvaluatedInRasasShape() throws Exception {
    Path snips = datasets().resolve("snips");
    server.put("/api/admin/tenants/" + TENANT, new byte[0], null, ParleyServer.admin());
    HttpResponse<String> imported =
        server.put(
            "/api/admin/tenants/" + TENANT + "/bots/snips?language=en",
            slice(snips.resolve("train.jsonl"), 40)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/x-ndjson",
            ParleyServer.admin());
    assertEquals(201, imported.statusCode(), imported.body());
    String key = ParleyServer.json(imported).path("apiKey").asText();

    String test = slice(snips.resolve("test.jsonl"), 10);
    HttpResponse<String> answer =
        server.postJson(
            "/api/admin/tenants/" + TENANT + "/bots/snips/test/nlu", test, ParleyServer.admin());
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode report = ParleyServer.json(answer);
    JsonNode intents = report.path("intent_evaluation");
    double accuracy = intents.path("accuracy").asDouble();
    assertTrue(accuracy > 0.6, "40 examples per intent give a usable model: " + accuracy);
    assertTrue(intents.path("argmax_accuracy").asDouble() >= accuracy, intents.toString());
    assertTrue(intents.path("coverage").asDouble() > 0, intents.toString());
    JsonNode calibration = intents.path("calibration");
    assertTrue(calibration.path("ece").isNumber(), calibration.toString());
    int binned = 0;
    for (JsonNode bin : calibration.path("reliability_diagram")) {
      binned += bin.path("count").asInt();
    }
    assertTrue(
        binned > 0 && binned <= 70, "each example with a top intent is in one bin: " + binned);
    assertTrue(report.path("threshold").isNumber(), report.toString());

    JsonNode perIntent = intents.path("report");
    Set<String> snipsIntents =
        Set.of(
            "AddToPlaylist",
            "BookRestaurant",
            "GetWeather",
            "PlayMusic",
            "RateBook",
            "SearchCreativeWork",
            "SearchScreeningEvent");
    long support = 0;
    for (String intent : snipsIntents) {
      JsonNode entry = perIntent.path(intent);
      for (String field : List.of("precision", "recall", "f1-score", "support")) {
        assertTrue(entry.has(field), intent + " lacks " + field + ": " + entry);
      }
      support += entry.path("support").asLong();
    }
    assertEquals(70, support, "10 test examples of each of the 7 intents");
    assertEquals(70, perIntent.path("weighted avg").path("support").asLong());
    assertTrue(perIntent.has("macro avg"));
    assertEquals(accuracy, perIntent.path("accuracy").asDouble(), 1e-9);
    assertEquals(
        perIntent.path("weighted avg").path("f1-score").asDouble(),
        intents.path("f1_score").asDouble(),
        1e-9);

    JsonNode confusion = intents.path("confusion_matrix");
    List<String> labels = new ArrayList<>();
    confusion.path("labels").forEach(label -> labels.add(label.asText()));
    long diagonal = 0;
    long total = 0;
    for (int i = 0; i < labels.size(); i++) {
      JsonNode row = confusion.path("matrix").get(i);
      assertEquals(labels.size(), row.size());
      for (int j = 0; j < row.size(); j++) {
        total += row.get(j).asLong();
        diagonal += i == j ? row.get(j).asLong() : 0;
      }
    }
    assertEquals(70, total);
    assertEquals(accuracy, diagonal / 70.0, 1e-9, "the matrix agrees with the accuracy");

    JsonNode errors = intents.path("errors");
    assertEquals(70 - diagonal, errors.size());
    if (errors.size() > 0) {
      JsonNode error = errors.get(0);
      assertTrue(
          !error
              .path("intent")
              .asText()
              .equals(error.path("intent_prediction").path("name").asText()));
      assertTrue(error.path("intent_ranking").size() >= 1, error.toString());
    }
    JsonNode entities = report.path("entity_evaluation").path("overall");
    assertTrue(entities.has("f1_score"), report.path("entity_evaluation").toString());
    assertTrue(entities.path("report").has("micro avg"));

    HttpResponse<String> parsed =
        server.postJson(
            "/api/tenants/" + TENANT + "/bots/snips/model/parse",
            "{\"text\": \"what will the weather be like tomorrow in paris\"}",
            ParleyServer.bearer(key));
    JsonNode parse = ParleyServer.json(parsed);
    assertEquals("GetWeather", parse.path("intent_ranking").get(0).path("name").asText());
    assertTrue(parse.path("parley").has("decided_by"), parse.toString());
    assertTrue(parse.path("intent_ranking").size() <= 3);
  }

  @Test
  void badTestDataIsA400NamingTheLine() throws Exception {
    server.put("/api/admin/tenants/" + TENANT, new byte[0], null, ParleyServer.admin());
    BotProjects.create(server, TENANT, "moodbot-bad", BotProjects.zip("moodbot"));
    HttpResponse<String> answer =
        server.postJson(
            "/api/admin/tenants/" + TENANT + "/bots/moodbot-bad/test/nlu",
            "{\"text\": \"hi\", \"intent\": \"greet\"}\n{\"intent\": \"greet\"}",
            ParleyServer.admin());
    assertEquals(400, answer.statusCode(), answer.body());
    JsonNode body = ParleyServer.json(answer);
    assertEquals("invalid_test_data", body.path("error").asText());
    assertTrue(body.path("message").asText().contains("line 2"), body.toString());
  }

  static String metricLine(String metrics, String name, String... mustContain) {
    Iterator<String> lines = metrics.lines().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith(name + "{") && List.of(mustContain).stream().allMatch(line::contains)) {
        return line;
      }
    }
    return "";
  }
}
