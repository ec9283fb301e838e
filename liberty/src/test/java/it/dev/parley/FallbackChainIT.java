package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.StubLlmServer.Behaviour;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fallback chain on the running server: below the bot's threshold the LLM re-check stage
 * (LlmFewShotRecheck against the stub LLM) decides; parse results are cached per model version; a
 * slow, failing or garbled model keeps the classifiers' ranking (nlu_fallback) within the deadline,
 * and the stage's circuit opens; the NLU metrics count all of it.
 */
class FallbackChainIT {

  private static final String TENANT = "nlu-recheck";
  private static final Map<String, String> CONFIG =
      Map.of(
          "pipeline: null",
          String.join(
              "\n",
              "pipeline:",
              "  - name: LogisticRegressionIntentClassifier",
              "parley:",
              "  fallback_threshold: 0.99",
              "  recheck:",
              "    - name: LlmFewShotRecheck",
              "      connection: stub",
              "      timeout_ms: 1000"));

  private final ParleyServer server = ParleyServer.shared();
  private final StubLlmServer stub = ParleyServer.llmStub();

  private JsonNode parse(String key, String text) throws IOException {
    return ParleyServer.json(
        server.postJson(
            "/api/tenants/" + TENANT + "/bots/moody/model/parse",
            ParleyServer.JSON.writeValueAsString(Map.of("text", text)),
            ParleyServer.bearer(key)));
  }

  private static String stageOutcome(JsonNode parse) {
    return parse.path("parley").path("stages").get(0).path("outcome").asText();
  }

  @Test
  void theLlmStageDecidesIsCachedPerVersionAndFailsSafely() throws Exception {
    stub.behave(TENANT, Behaviour.NORMAL);
    stub.reply(TENANT, "bot_challenge");
    String key = BotProjects.create(server, TENANT, "moody", BotProjects.zip("moodbot", CONFIG));

    JsonNode decided = parse(key, "zorp blick quandary");
    assertEquals("bot_challenge", decided.path("intent").path("name").asText(), decided.toString());
    assertEquals("LlmFewShotRecheck", decided.path("parley").path("decided_by").asText());
    assertTrue(List.of("changed", "confirmed").contains(stageOutcome(decided)), decided.toString());
    String prompt = stub.requests(TENANT).get(stub.requestCount(TENANT) - 1);
    assertTrue(prompt.contains("zorp blick quandary") && prompt.contains("mood_unhappy"), prompt);

    // The same text (in other case) comes from the cache: the model is not asked again.
    int asked = stub.requestCount(TENANT);
    JsonNode cached = parse(key, "ZORP BLICK QUANDARY");
    assertEquals("bot_challenge", cached.path("intent").path("name").asText());
    assertEquals("ZORP BLICK QUANDARY", cached.path("text").asText());
    assertEquals(asked, stub.requestCount(TENANT));

    // A new version never serves the old version's results.
    stub.reply(TENANT, "goodbye");
    var reimport =
        server.put(
            "/api/admin/tenants/" + TENANT + "/bots/moody",
            BotProjects.zip("moodbot", CONFIG),
            "application/zip",
            ParleyServer.admin());
    assertEquals(200, reimport.statusCode(), reimport.body());
    JsonNode fresh = parse(key, "zorp blick quandary");
    assertEquals("goodbye", fresh.path("intent").path("name").asText(), fresh.toString());
    assertEquals(asked + 1, stub.requestCount(TENANT));

    // A model slower than the deadline: the classifiers' ranking is kept, in time.
    stub.behave(TENANT, Behaviour.SLOW);
    long start = System.nanoTime();
    JsonNode slow = parse(key, "slow quux");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("nlu_fallback", slow.path("intent").path("name").asText(), slow.toString());
    assertEquals("fallback", slow.path("parley").path("decided_by").asText());
    assertEquals("timeout", stageOutcome(slow));
    assertTrue(millis < 2500, "answered in " + millis + " ms");
    assertEquals(3, slow.path("intent_ranking").size());

    // Errors and garbage fall back too; then the stage's circuit opens and the model is spared.
    stub.behave(TENANT, Behaviour.SERVER_ERROR);
    assertEquals("error", stageOutcome(parse(key, "error quux one")));
    stub.behave(TENANT, Behaviour.GARBAGE);
    String garbage = stageOutcome(parse(key, "garbage quux"));
    assertTrue(List.of("error", "circuit_open").contains(garbage), garbage);
    String outcome = "";
    for (int i = 0; i < 4 && !outcome.equals("circuit_open"); i++) {
      outcome = stageOutcome(parse(key, "more quux " + i));
    }
    assertEquals("circuit_open", outcome);
    int before = stub.requestCount(TENANT);
    assertEquals("circuit_open", stageOutcome(parse(key, "spared quux")));
    assertEquals(before, stub.requestCount(TENANT));

    // Story tests parse through the same guard: the open circuit spares the model there too.
    var stories =
        server.post(
            "/api/admin/tenants/" + TENANT + "/bots/moody/test/stories",
            String.join(
                "\n",
                "stories:",
                "- story: a message only the re-check stage could place",
                "  steps:",
                "  - user: |",
                "      story quux",
                "    intent: nlu_fallback",
                ""),
            "application/x-yaml",
            ParleyServer.admin());
    assertEquals(200, stories.statusCode(), stories.body());
    assertEquals(1, ParleyServer.json(stories).path("total").asInt(), stories.body());
    assertEquals(before, stub.requestCount(TENANT));

    // The conversation's tracker records which stage decided.
    stub.behave(TENANT, Behaviour.NORMAL);
    Conversation chat =
        new Conversation(server, TENANT, "moody", "chain-1", ParleyServer.bearer(key));
    chat.send("zorp blick quandary");
    JsonNode user = null;
    for (JsonNode event : chat.tracker().path("events")) {
      if (event.path("event").asText().equals("user")) {
        user = event;
      }
    }
    assertTrue(
        user != null && user.path("parse_data").path("parley").has("decided_by"),
        String.valueOf(user));

    String metrics = server.get("/metrics?scope=application").body();
    String tags = "bot=\"moody\"";
    assertFalse(
        NluEvaluationIT.metricLine(
                metrics,
                "parley_nlu_recheck_total",
                tags,
                "stage=\"LlmFewShotRecheck\"",
                "verdict=\"timeout\"")
            .isEmpty(),
        metrics);
    assertFalse(
        NluEvaluationIT.metricLine(
                metrics, "parley_nlu_recheck_outcome_total", tags, "outcome=\"fallback\"")
            .isEmpty());
    assertFalse(NluEvaluationIT.metricLine(metrics, "parley_nlu_cache_hits_total", tags).isEmpty());
    assertFalse(
        NluEvaluationIT.metricLine(metrics, "parley_nlu_low_confidence_total", tags).isEmpty());
    assertFalse(
        metrics.contains("parley_nlu_parse_duration") ? false : true, "parse latency exported");
  }
}
