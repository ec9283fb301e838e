package dev.parley.plugins.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.response.MemoryEntry;
import dev.parley.plugin.response.MemoryEntry.Role;
import dev.parley.plugin.response.ResponseGenerator;
import dev.parley.plugin.response.ResponseGeneratorFactory;
import dev.parley.plugin.response.ResponseRequest;
import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.StubLlmServer.Behaviour;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both generators against a real HTTP server speaking the OpenAI and Ollama formats. */
class ChatGeneratorsTest {

  private static StubLlmServer stub;

  @BeforeAll
  static void startStub() throws Exception {
    stub = StubLlmServer.start();
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  private static ResponseGenerator generator(String kind, String lane, long timeoutMs) {
    boolean ollama = kind.equals("ollama");
    ResponseGeneratorFactory factory =
        ollama ? new OllamaChatGeneratorFactory() : new OpenAiChatGeneratorFactory();
    String url = ollama ? stub.ollamaBaseUrl(lane) : stub.openAiBaseUrl(lane);
    return factory.create(
        TestContext.of(
            factory.configProperties(),
            Map.of("base_url", url, "model", "stub-model", "timeout_ms", timeoutMs),
            TrainingDataBuilder.emptyDomain()));
  }

  private static ResponseRequest request() {
    return new ResponseRequest(
        "utter_ask_size",
        "What size would you like?",
        "You are Pip, the pizza shop's assistant.",
        Map.of("dish", "pizza"),
        List.of(
            new MemoryEntry(Role.USER, "I want a pizza"),
            new MemoryEntry(Role.SLOT, "dish = pizza")),
        Optional.of("size"),
        "en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "ollama"})
  void rephrasesThroughTheModelAndSendsTheWholeContext(String kind) {
    String lane = kind + "-normal";
    Optional<String> text = generator(kind, lane, 10_000).generate(request());
    assertEquals(Optional.of(StubLlmServer.PREFIX + "What size would you like?"), text);
    String sent = stub.requests(lane).get(0);
    assertTrue(sent.contains("stub-model"), sent);
    assertTrue(sent.contains("You are Pip"), "instructions in the system message: " + sent);
    assertTrue(sent.contains("dish: pizza"), "slots: " + sent);
    assertTrue(sent.contains("User: I want a pizza"), "memory: " + sent);
    assertTrue(sent.contains("(slot dish = pizza)"), "slot change in memory: " + sent);
    assertTrue(sent.contains("must still ask the user for: size"), sent);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "ollama"})
  void serverErrorsBecomePluginExceptionsWithoutRetries(String kind) {
    String lane = kind + "-500";
    stub.behave(lane, Behaviour.SERVER_ERROR);
    ResponseGenerator generator = generator(kind, lane, 10_000);
    PluginException failure =
        assertThrows(PluginException.class, () -> generator.generate(request()));
    assertTrue(failure.getMessage().startsWith("the chat model failed"), failure.getMessage());
    assertEquals(1, stub.requestCount(lane), "LangChain4j's own retries are off");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "ollama"})
  void garbageAnswersAreFailures(String kind) {
    String lane = kind + "-garbage";
    stub.behave(lane, Behaviour.GARBAGE);
    ResponseGenerator generator = generator(kind, lane, 10_000);
    assertThrows(PluginException.class, () -> generator.generate(request()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "ollama"})
  void slowAnswersTimeOutAtTheConfiguredTimeout(String kind) {
    String lane = kind + "-slow";
    stub.behave(lane, Behaviour.SLOW);
    ResponseGenerator generator = generator(kind, lane, 300);
    long start = System.nanoTime();
    assertThrows(PluginException.class, () -> generator.generate(request()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < StubLlmServer.SLOW_MILLIS, "gave up after " + millis + " ms");
  }
}
