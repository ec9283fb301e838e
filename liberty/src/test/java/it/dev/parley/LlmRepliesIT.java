package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.StubLlmServer.Behaviour;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * LLM replies on the running server against a real HTTP stub of the model: generated text when the
 * model answers well, the template (and the reason on the bot event) when it is slow, failing,
 * unreadable or says the wrong thing; the per-bot circuit breaker; the per-tenant bulkhead; no
 * sensitive value in any request the model received.
 */
class LlmRepliesIT {

  private static final String GREETING = "Hello! I can take your pizza order.";
  private static final String ASK_SIZE = "What size would you like?";
  private static final long BOT_TIMEOUT_MILLIS = 800;

  private final ParleyServer server = ParleyServer.shared();
  private final StubLlmServer stub = ParleyServer.llmStub();

  private Conversation conversation(String tenant, String key, String sender) {
    return new Conversation(server, tenant, "pizza", sender, ParleyServer.bearer(key));
  }

  private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  private String importBot(String tenant) throws IOException {
    String key = KEYS.get(tenant);
    if (key == null) {
      key = importBot(tenant, Map.of());
      KEYS.put(tenant, key);
    }
    return key;
  }

  private String importBot(String tenant, Map<String, String> configChanges) throws IOException {
    stub.behave(tenant, Behaviour.NORMAL);
    return BotProjects.create(server, tenant, "pizza", BotProjects.zip("llm-pizza", configChanges));
  }

  private static JsonNode generation(JsonNode botEvent) {
    return botEvent.path("metadata").path("parley_generation");
  }

  private static JsonNode lastGeneration(Conversation chat) throws IOException {
    List<JsonNode> events = chat.botEvents();
    return generation(events.get(events.size() - 1));
  }

  @Test
  void generatedRepliesKeepButtonsAndAreRecordedOnTheBotEvent() throws IOException {
    String key = importBot("llm-normal");
    Conversation chat = conversation("llm-normal", key, "normal-1");

    assertEquals(List.of(StubLlmServer.PREFIX + GREETING), chat.say("hello"));
    JsonNode asked = chat.send("I want a pizza");
    assertEquals(StubLlmServer.PREFIX + ASK_SIZE, asked.get(0).path("text").asText());
    assertEquals(2, asked.get(0).path("buttons").size(), "buttons kept: " + asked);
    assertEquals(
        "/inform{\"size\":\"small\"}",
        asked.get(0).path("buttons").get(0).path("payload").asText());

    JsonNode record = lastGeneration(chat);
    assertEquals("generated", record.path("source").asText(), record.toString());
    assertEquals("OpenAiChatGenerator", record.path("generator").asText());
    assertEquals(ASK_SIZE, record.path("template").asText());
    String request = last(stub.requests("llm-normal"));
    assertTrue(request.contains("Luigi's pizza shop"), "instructions sent: " + request);
    assertTrue(request.contains("User: I want a pizza"), "memory sent: " + request);
    assertTrue(request.contains("must still ask the user for: size"), request);
  }

  @Test
  void slowFailingAndUnreadableModelsGetTheTemplateThenTheCircuitOpensAndCloses() throws Exception {
    String tenant = "llm-failures";
    String key = importBot(tenant);
    record Case(Behaviour behaviour, String reason) {}
    List<Case> cases =
        List.of(
            new Case(Behaviour.SLOW, "timeout"),
            new Case(Behaviour.SERVER_ERROR, "error"),
            new Case(Behaviour.RATE_LIMITED, "error"),
            new Case(Behaviour.GARBAGE, "error"));
    int sender = 0;
    for (Case c : cases) {
      stub.behave(tenant, c.behaviour());
      Conversation chat = conversation(tenant, key, "fail-" + sender++);
      long start = System.nanoTime();
      assertEquals(List.of(GREETING), chat.say("hello"), c.behaviour().name());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(
          millis < BOT_TIMEOUT_MILLIS + 500, c.behaviour() + ": the user waited " + millis + " ms");
      JsonNode record = lastGeneration(chat);
      assertEquals("template", record.path("source").asText(), c + " " + record);
      assertEquals(c.reason(), record.path("reason").asText(), c + " " + record);
    }

    // Four failures in a row: the bot's circuit is open; the model is not called at all.
    stub.behave(tenant, Behaviour.NORMAL);
    int callsBefore = stub.requestCount(tenant);
    Conversation open = conversation(tenant, key, "fail-open");
    assertEquals(List.of(GREETING), open.say("hello"));
    assertEquals("circuit_open", lastGeneration(open).path("reason").asText());
    assertEquals(callsBefore, stub.requestCount(tenant), "no call while the circuit is open");
    String metrics = server.get("/metrics?scope=application").body();
    assertTrue(
        metricLine(metrics, "parley_llm_circuit_state", tenant).endsWith(" 2.0")
            || metricLine(metrics, "parley_llm_circuit_state", tenant).endsWith(" 2"),
        metrics);
    assertTrue(
        metricLine(metrics, "parley_llm_fallbacks_total", "reason=\"circuit_open\"")
            .contains(tenant),
        metrics);

    // After the open period one trial call goes through, succeeds, and the circuit closes.
    Thread.sleep(ParleyServer.LLM_CIRCUIT_OPEN_MILLIS + 200);
    Conversation recovered = conversation(tenant, key, "fail-recovered");
    assertEquals(List.of(StubLlmServer.PREFIX + GREETING), recovered.say("hello"));
    assertEquals(List.of(StubLlmServer.PREFIX + ASK_SIZE), recovered.say("I want a pizza"));
    assertEquals(callsBefore + 2, stub.requestCount(tenant));
  }

  @Test
  void repliesThatBreakThePolicysRulesAreReplacedByTheTemplate() throws IOException {
    String tenant = "llm-checks";
    String key = importBot(tenant);
    Conversation chat = conversation(tenant, key, "checks-1");

    stub.behave(tenant, Behaviour.GOODBYE);
    assertEquals(List.of(GREETING), chat.say("hello"));
    assertEquals("check_failed", lastGeneration(chat).path("reason").asText());
    assertTrue(lastGeneration(chat).path("detail").asText().startsWith("no_goodbye"));

    stub.behave(tenant, Behaviour.DROP_QUESTION);
    assertEquals(List.of(ASK_SIZE), chat.say("I want a pizza"));
    assertTrue(
        lastGeneration(chat).path("detail").asText().startsWith("asks_requested_slot"),
        lastGeneration(chat).toString());

    stub.behave(tenant, Behaviour.LEAK_INSTRUCTIONS);
    assertEquals(List.of("What phone number can we reach you at?"), chat.say("large"));
    assertTrue(
        lastGeneration(chat).path("detail").asText().startsWith("no_leak"),
        lastGeneration(chat).toString());

    // The bot's own check (a plugin named in its config) runs after the built-in ones.
    stub.behave(tenant, Behaviour.OFFER);
    Conversation offered = conversation(tenant, key, "checks-3");
    assertEquals(List.of(GREETING), offered.say("hello"));
    assertEquals(
        "forbidden_phrases: the reply adds the forbidden phrase 'discount'",
        lastGeneration(offered).path("detail").asText());
    String metrics = server.get("/metrics?scope=application").body();
    assertTrue(
        metricLine(metrics, "parley_llm_check_rejections_total", "check=\"forbidden_phrases\"")
            .contains(tenant),
        metrics);

    // A goodbye is fine where the policy itself ends the conversation.
    stub.behave(tenant, Behaviour.GOODBYE);
    Conversation leaving = conversation(tenant, key, "checks-2");
    assertEquals(List.of("Thank you, your order is complete. Goodbye!"), leaving.say("bye"));
    assertEquals("generated", lastGeneration(leaving).path("source").asText());
  }

  @Test
  void sensitiveSlotValuesNeverReachTheModel() throws IOException {
    String tenant = "llm-normal";
    String key = importBot(tenant);
    Conversation chat = conversation(tenant, key, "sensitive-1");
    String phone = "555 0199 42";
    chat.say("I want a pizza");
    chat.say("large");
    List<String> confirm = chat.say(phone);
    assertEquals(List.of("Great, a large pizza. We will call you at " + phone + "."), confirm);
    assertEquals("sensitive_template", lastGeneration(chat).path("reason").asText());
    assertEquals(List.of(StubLlmServer.PREFIX + "Goodbye, enjoy your meal!"), chat.say("bye"));
    String lastRequest = last(stub.requests(tenant));
    assertTrue(lastRequest.contains("[phone]"), "the number is masked: " + lastRequest);
    assertTrue(lastRequest.contains("size: large"), lastRequest);
    for (String request : stub.allRequests()) {
      assertFalse(request.contains("0199"), "a request carried the phone number: " + request);
    }
    assertEquals(phone, chat.slot("phone"), "the tracker still has the value for its owner");
  }

  @Test
  void oneTenantsSlowModelDoesNotHoldUpAnotherTenant() throws Exception {
    String keyA = importBot("llm-bulk-a");
    String keyB = importBot("llm-bulk-b");
    stub.behave("llm-bulk-a", Behaviour.SLOW);
    int flood = ParleyServer.LLM_TENANT_CONCURRENCY + 4;
    ExecutorService pool = Executors.newFixedThreadPool(flood);
    try {
      List<Future<String>> reasons = new ArrayList<>();
      for (int i = 0; i < flood; i++) {
        Conversation chat = conversation("llm-bulk-a", keyA, "bulk-a-" + i);
        reasons.add(
            pool.submit(
                () -> {
                  chat.say("hello");
                  return lastGeneration(chat).path("reason").asText();
                }));
      }
      Thread.sleep(150);
      Conversation other = conversation("llm-bulk-b", keyB, "bulk-b-1");
      long start = System.nanoTime();
      List<String> otherReply = other.say("hello");
      long millis = (System.nanoTime() - start) / 1_000_000;
      // A generated reply means B's own model call finished within B's timeout while A's slow
      // calls filled A's bulkhead (B would get the template otherwise); and B's turn did not queue
      // behind A's waiting turns for a request thread.
      assertEquals(
          List.of(StubLlmServer.PREFIX + GREETING),
          otherReply,
          lastGeneration(other) + " after " + millis + " ms");
      // Queued behind A, B would wait for A's slow calls (SLOW_MILLIS from their start, 150 ms
      // before B's); the margin below that allows a loaded machine (1.8 s seen with load 7).
      assertTrue(
          millis < StubLlmServer.SLOW_MILLIS - 500,
          "tenant B waited " + millis + " ms, as if behind tenant A's slow calls");
      List<String> outcomes = new ArrayList<>();
      for (Future<String> reason : reasons) {
        outcomes.add(reason.get());
      }
      assertTrue(outcomes.contains("bulkhead_full"), outcomes.toString());
      assertTrue(
          outcomes.stream().filter(r -> r.equals("timeout")).count()
              <= ParleyServer.LLM_TENANT_CONCURRENCY,
          outcomes.toString());
    } finally {
      pool.shutdownNow();
      stub.behave("llm-bulk-a", Behaviour.NORMAL);
    }
  }

  @Test
  void theServersTimeoutBoundsBotsThatAskForMore() throws IOException {
    String tenant = "llm-ceiling";
    String key = importBot(tenant, Map.of("timeout_ms: 800", "timeout_ms: 5000"));
    stub.behave(tenant, Behaviour.SLOW);
    Conversation chat = conversation(tenant, key, "ceiling-1");
    long start = System.nanoTime();
    assertEquals(List.of(GREETING), chat.say("hello"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("timeout", lastGeneration(chat).path("reason").asText());
    assertTrue(
        millis >= ParleyServer.LLM_TIMEOUT_MAX_MILLIS - 100
            && millis < ParleyServer.LLM_TIMEOUT_MAX_MILLIS + 500,
        "MicroProfile Fault Tolerance's @Timeout (PARLEY_LLM_TIMEOUT_MAX_MS) ended the wait after "
            + millis
            + " ms");
    stub.behave(tenant, Behaviour.NORMAL);
  }

  @Test
  void ollamaGeneratorSpeaksOllamasFormat() throws IOException {
    String tenant = "llm-ollama";
    String key =
        importBot(
            tenant,
            Map.of(
                "OpenAiChatGenerator",
                "OllamaChatGenerator",
                "connection: stub",
                "connection: ollama"));
    Conversation chat = conversation(tenant, key, "ollama-1");
    assertEquals(List.of(StubLlmServer.PREFIX + GREETING), chat.say("hello"));
    assertEquals("OllamaChatGenerator", lastGeneration(chat).path("generator").asText());
    String request = last(stub.requests(tenant));
    assertTrue(request.contains("\"stub-llama\""), request);
  }

  @Test
  void botFilesCannotCarryKeysAndUnknownConnectionsAreNamed() throws IOException {
    server.put("/api/admin/tenants/llm-config", new byte[0], null, ParleyServer.admin());
    var withKey =
        server.put(
            "/api/admin/tenants/llm-config/bots/pizza",
            BotProjects.zip("llm-pizza", Map.of("temperature: 0.2", "api_key: sk-oops")),
            "application/zip",
            ParleyServer.admin());
    assertEquals(422, withKey.statusCode(), withKey.body());
    assertTrue(withKey.body().contains("api_key does not belong in bot files"), withKey.body());
    assertTrue(withKey.body().contains("\"line\""), withKey.body());
    assertFalse(withKey.body().contains("sk-oops"), withKey.body());

    var unknown =
        server.put(
            "/api/admin/tenants/llm-config/bots/pizza",
            BotProjects.zip("llm-pizza", Map.of("connection: stub", "connection: nowhere")),
            "application/zip",
            ParleyServer.admin());
    assertEquals(422, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("PARLEY_LLM_NOWHERE_BASE_URL"), unknown.body());
  }

  private static String last(List<String> items) {
    assertFalse(items.isEmpty(), "the stub received no request");
    return items.get(items.size() - 1);
  }

  private static String metricLine(String metrics, String name, String mustContain) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + "{") && line.contains(mustContain))
        .findFirst()
        .orElse("");
  }
}
