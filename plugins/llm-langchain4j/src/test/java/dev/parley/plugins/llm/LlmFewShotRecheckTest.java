package dev.parley.plugins.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.IntentRecheck;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.RecheckOutcome;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.StubLlmServer.Behaviour;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LLM re-check stage against a real HTTP server speaking OpenAI's chat-completions format. */
class LlmFewShotRecheckTest {

  private static final List<IntentPrediction> UNSURE =
      List.of(new IntentPrediction("greet", 0.4), new IntentPrediction("order_pizza", 0.35));

  private static StubLlmServer stub;

  @BeforeAll
  static void startStub() throws Exception {
    stub = StubLlmServer.start();
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  private static IntentRecheck stage(String lane, Map<String, Object> extra) {
    LlmFewShotRecheckFactory factory = new LlmFewShotRecheckFactory();
    Map<String, Object> config = new java.util.HashMap<>(extra);
    config.put("base_url", stub.openAiBaseUrl(lane));
    config.put("model", "stub-model");
    // generous: these tests are about answers, not deadlines, and a loaded CI machine can take
    // more than a second for the first call of a client (the deadline is tested on the server)
    config.put("timeout_ms", 10_000);
    IntentRecheck stage =
        factory.create(
            TestContext.of(factory.configProperties(), config, TrainingDataBuilder.emptyDomain()));
    ((Trainable) stage)
        .train(
            new TrainingDataBuilder()
                .intent("greet", "hi", "hello there", "good morning", "hey")
                .intent("order_pizza", "I want a pizza", "one margherita please")
                .intent("goodbye", "bye")
                .build(),
            new MemoryStorage());
    return stage;
  }

  private static RecheckOutcome ask(String lane, String answer) {
    stub.reply(lane, answer);
    return stage(lane, Map.of()).recheck(new Message("gimme a pie", "en", null), UNSURE);
  }

  @Test
  void theModelsIntentDecidesAndThePromptShowsAFewExamplesOfEachIntent() {
    RecheckOutcome outcome = ask("normal", "order_pizza");
    assertTrue(outcome.confident());
    assertEquals(new IntentPrediction("order_pizza", 0.9), outcome.ranking().get(0));
    assertEquals("greet", outcome.ranking().get(1).name());
    String sent = stub.requests("normal").get(0);
    assertTrue(sent.contains("gimme a pie"), sent);
    assertTrue(sent.contains("good morning"), "third example of greet: " + sent);
    assertFalse(sent.contains("\\\"hey\\\""), "only three examples per intent: " + sent);
    assertTrue(sent.contains("- goodbye"), sent);
  }

  @Test
  void quotesCaseAndAFullStopAreTolerated() {
    assertTrue(ask("quoted", "\"Order_Pizza.\"").confident());
    assertEquals(
        Optional.of("greet"), LlmFewShotRecheck.intentIn(" 'greet'. ", List.of("greet", "bye")));
  }

  @Test
  void anUnknownIntentNoneOrProseLeaveTheMessageUndecided() {
    for (String answer : List.of("book_flight", "none", "I think it is order_pizza", "")) {
      RecheckOutcome outcome = ask("unknown", answer);
      assertFalse(outcome.confident(), answer);
      assertEquals(UNSURE, outcome.ranking(), "the original ranking is kept");
    }
  }

  @Test
  void onlyTheClassifiersTopCandidatesAreOfferedWhenAsked() {
    stub.reply("candidates", "goodbye");
    RecheckOutcome outcome =
        stage("candidates", Map.of("candidates", 2))
            .recheck(new Message("ciao", "en", null), UNSURE);
    assertFalse(outcome.confident(), "goodbye was not offered");
    assertFalse(stub.requests("candidates").get(0).contains("- goodbye"));
  }

  @Test
  void serverErrorsAndGarbageAreFailures() {
    stub.behave("error", Behaviour.SERVER_ERROR);
    stub.behave("garbage", Behaviour.GARBAGE);
    for (String lane : List.of("error", "garbage")) {
      IntentRecheck stage = stage(lane, Map.of());
      assertThrows(
          PluginException.class, () -> stage.recheck(new Message("x", "en", null), UNSURE), lane);
    }
  }

  @Test
  void storedExamplesAreReloaded() {
    MemoryStorage storage = new MemoryStorage();
    IntentRecheck trained = stage("reload", Map.of());
    ((Trainable) trained)
        .train(
            new TrainingDataBuilder().intent("greet", "hi").intent("bye", "ciao").build(), storage);
    IntentRecheck loaded = stage("reload", Map.of());
    ((Trainable) loaded).load(storage);
    stub.reply("reload", "bye");
    assertTrue(loaded.recheck(new Message("x", "en", null), UNSURE).confident());
    assertTrue(stub.requests("reload").get(0).contains("ciao"));
  }
}
