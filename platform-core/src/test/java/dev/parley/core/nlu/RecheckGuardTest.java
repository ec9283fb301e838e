package dev.parley.core.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.RecheckRunner;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.plugin.GuardSettings;
import dev.parley.core.plugin.PluginDeadlines;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginMeters;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.ServerWideBounds;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.ParseResult;
import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.StubLlmServer.Behaviour;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fallback chain's LLM stage (the real LlmFewShotRecheck plugin) through the core's guard
 * (deadline, circuit breaker per bot and stage, fallback to the original ranking) against a real
 * HTTP server speaking OpenAI's chat-completions format.
 */
class RecheckGuardTest {

  private static final String UNCLEAR = "zorp blick quandary";
  private static StubLlmServer stub;
  private static PluginDeadlines deadlines;
  private static PluginGuard guard;
  private static PluginRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    stub = StubLlmServer.start();
    GuardSettings settings =
        GuardSettings.of(
            Map.of(
                "parley.nlu.recheck.circuit.failure.rate", "50",
                "parley.nlu.recheck.circuit.minimum.calls", "4",
                "parley.nlu.recheck.circuit.window", "10",
                "parley.nlu.recheck.circuit.open.ms", "60000",
                "parley.nlu.recheck.max.concurrent", "8"));
    deadlines = new PluginDeadlines(settings, Executors.defaultThreadFactory());
    guard = new PluginGuard(settings, PluginMeters.NONE, new ServerWideBounds(deadlines));
    registry = new PluginRegistry(TestSettings.inDir("target/recheck-guard"));
  }

  @AfterAll
  static void stop() {
    stub.close();
    deadlines.stop();
  }

  /** The demo bot, unsure below 0.99, with the LLM stage on the given stub lane. */
  private static BotModel bot(String lane) {
    return bot(lane, 1500);
  }

  /** The same with the stage deadline given. */
  private static BotModel bot(String lane, long timeoutMillis) {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    files.put(
        "config.yml",
        String.join(
            "\n",
            "language: en",
            "pipeline:",
            "  - name: LogisticRegressionIntentClassifier",
            "parley:",
            "  fallback_threshold: 0.99",
            "  recheck:",
            "    - name: LlmFewShotRecheck",
            "      connection: stub",
            "      timeout_ms: " + timeoutMillis,
            "      examples_per_intent: 2",
            ""));
    var project = new BotProjectParser().parse(files);
    return new BotAssembler(
            registry,
            (tenant, connection) ->
                Optional.of(Map.of("base_url", stub.openAiBaseUrl(lane), "model", "stub-model")))
        .assemble("acme", lane, 1, project, new HashMap<>(), true);
  }

  /** What the server's guard does, without the container's server-wide timeout. */
  private static ParseResult parse(BotModel model) {
    RecheckRunner guarded = RecheckRunner.guarded(guard, "acme", model.bot());
    return model.nlu().parse(new Message(UNCLEAR, "en", null), guarded);
  }

  @Test
  void aConfidentAnswerDecides() {
    stub.reply("normal", "goodbye");
    BotModel model = bot("normal");
    ParseResult result = parse(model);
    assertEquals("goodbye", result.intent().name());
    assertEquals("LlmFewShotRecheck", result.decision().decidedBy());
    String outcome = result.decision().stages().get(0).outcome();
    assertTrue(List.of("changed", "confirmed").contains(outcome), outcome);
    assertTrue(stub.requests("normal").get(0).contains(UNCLEAR));
  }

  @Test
  void aSlowModelTimesOutAndTheOriginalRankingIsKept() {
    stub.behave("slow", Behaviour.SLOW);
    BotModel model = bot("slow", 400);
    List<IntentPrediction> classifier =
        model.nlu().parse(new Message(UNCLEAR, "en", null), RecheckRunner.DIRECT).intentRanking();
    long start = System.nanoTime();
    ParseResult result = parse(model);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 1500, "waited " + millis + " ms for a 3 s model with a 400 ms deadline");
    assertEquals("nlu_fallback", result.intent().name());
    assertEquals(NluDecision.FALLBACK, result.decision().decidedBy());
    assertEquals("timeout", result.decision().stages().get(0).outcome());
    assertEquals(classifier.get(1), result.intentRanking().get(1), "classifier's ranking kept");
  }

  @Test
  void serverErrorsAndGarbageFallBackThenTheCircuitOpens() {
    stub.behave("error", Behaviour.SERVER_ERROR);
    stub.behave("garbage", Behaviour.GARBAGE);
    assertEquals("error", parse(bot("garbage")).decision().stages().get(0).outcome());
    BotModel model = bot("error");
    for (int i = 0; i < 4; i++) {
      ParseResult result = parse(model);
      assertEquals("nlu_fallback", result.intent().name());
      assertEquals("error", result.decision().stages().get(0).outcome());
    }
    int calls = stub.requestCount("error");
    ParseResult result = parse(model);
    assertEquals("circuit_open", result.decision().stages().get(0).outcome());
    assertEquals(calls, stub.requestCount("error"), "an open circuit sends nothing");
    stub.reply("normal-after", "greet");
    assertEquals(
        "LlmFewShotRecheck",
        parse(bot("normal-after")).decision().decidedBy(),
        "another bot's circuit is closed");
  }
}
