package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.dev.parley.TestActionServer.Behaviour;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Custom actions on a real action server speaking Rasa's protocol: a remote action's response and
 * slot reach the user and the tracker; form validation rejects a value and the form asks again; a
 * 400 is a rejection; a slow, failing or absent server gives the user {@code utter_default} in time
 * with nothing half-applied, and the conversation goes on once it is back; repeated failures open
 * the bot's circuit.
 */
class RemoteActionsIT {

  private static final String DEFAULT = "Sorry, I cannot help with that right now.";
  private static final long MARGIN_MILLIS = 1500;

  private final ParleyServer server = ParleyServer.shared();
  private final TestActionServer actions = ParleyServer.actionServer();

  @AfterEach
  void serverBack() throws IOException {
    actions.behave(Behaviour.NORMAL);
  }

  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  private Conversation bot(String tenant, String sender) throws IOException {
    String key = KEYS.get(tenant);
    if (key == null) {
      key = BotProjects.create(server, tenant, "orders", BotProjects.zip("remote-orders"));
      KEYS.put(tenant, key);
    }
    return new Conversation(server, tenant, "orders", sender, ParleyServer.bearer(key));
  }

  private static String checkStock(String item) {
    return "/check_stock{\"item\":\"" + item + "\"}";
  }

  /** The events after the latest user message, as event names (slot events with their name). */
  private static List<String> lastTurn(Conversation chat) throws IOException {
    JsonNode events = chat.tracker().path("events");
    int user = 0;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).path("event").asText().equals("user")) {
        user = i;
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = user + 1; i < events.size(); i++) {
      JsonNode event = events.get(i);
      String type = event.path("event").asText();
      names.add(
          switch (type) {
            case "slot", "action", "action_execution_rejected" ->
                type + ":" + event.path("name").asText();
            default -> type;
          });
    }
    return names;
  }

  @Test
  void remoteActionAnswersAndSetsASlotWithRasasRequest() throws IOException {
    Conversation chat = bot("remote-ok", "stock-1");

    assertEquals(List.of("We have 3 portions of chicken."), chat.say(checkStock("chicken")));
    assertEquals("true", chat.slot("stock_checked"));
    assertEquals(
        List.of(
            "slot:item",
            "action:action_check_stock",
            "bot",
            "slot:stock_checked",
            "action:action_listen"),
        lastTurn(chat));

    JsonNode request = actions.requests().get(actions.requests().size() - 1);
    List<String> fields = new ArrayList<>();
    request.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("next_action", "sender_id", "tracker", "domain", "version"), fields);
    assertEquals("action_check_stock", request.path("next_action").asText());
    assertEquals("stock-1", request.path("sender_id").asText());
    assertTrue(request.path("version").asText().startsWith("3."));
    JsonNode tracker = request.path("tracker");
    assertEquals("chicken", tracker.path("slots").path("item").asText());
    assertEquals(
        "check_stock", tracker.path("latest_message").path("intent").path("name").asText());
    assertTrue(tracker.path("events").size() >= 4, tracker.toString());
    JsonNode domain = request.path("domain");
    assertEquals("text", domain.path("slots").path("item").path("type").asText());
    assertEquals(
        "custom",
        domain.path("slots").path("stock_checked").path("mappings").get(0).path("type").asText());
    assertTrue(domain.path("responses").has("utter_in_stock"));
    assertTrue(domain.path("forms").has("order_form"));
    assertTrue(domain.path("session_config").has("session_expiration_time"));
  }

  @Test
  void formValidationRejectsAValueAndTheFormAsksAgain() throws IOException {
    Conversation chat = bot("remote-ok", "form-1");

    assertEquals(List.of("How many?"), chat.say("/order{\"item\":\"beef\"}"));
    assertEquals(
        List.of("Please order between 1 and 10.", "How many?"),
        chat.say("/inform{\"quantity\":\"12\"}"));
    assertEquals("null", chat.slot("quantity"));
    JsonNode validation = actions.requests().get(actions.requests().size() - 1);
    assertEquals("validate_order_form", validation.path("next_action").asText());
    JsonNode events = validation.path("tracker").path("events");
    JsonNode last = events.get(events.size() - 1);
    assertEquals("slot", last.path("event").asText(), "the candidate is the last event");
    assertEquals("quantity", last.path("name").asText());

    assertEquals(List.of("Ordered 2 x beef."), chat.say("/inform{\"quantity\":\"2\"}"));
    assertEquals("2", chat.slot("quantity"));
    assertTrue(chat.tracker().path("active_loop").path("name").isMissingNode());
  }

  @Test
  void anActionTheServerDoesNotKnowIsLoggedByName() throws IOException {
    Conversation chat = bot("remote-ok", "missing-1");

    assertEquals(List.of(DEFAULT), chat.say("/track"));
    assertFalse(lastTurn(chat).contains("action:action_track_delivery"));
    assertTrue(
        serverLogContains("does not know the action 'action_track_delivery' (404"),
        "the server log names the missing action");
    assertEquals(List.of("We have 3 portions of fish."), chat.say(checkStock("fish")));
  }

  @Test
  void validationThatCannotRunKeepsNothingUnvalidated() throws IOException {
    Conversation chat = bot("remote-validation-down", "form-down-1");
    assertEquals(List.of("How many?"), chat.say("/order{\"item\":\"beef\"}"));
    actions.behave(Behaviour.DOWN);

    assertEquals(List.of(DEFAULT), chat.say("/inform{\"quantity\":\"2\"}"));
    assertEquals("null", chat.slot("quantity"), "the unvalidated value was not kept");
    assertEquals("order_form", chat.tracker().path("active_loop").path("name").asText());

    actions.behave(Behaviour.NORMAL);
    assertEquals(List.of("Ordered 2 x beef."), chat.say("/inform{\"quantity\":\"2\"}"));
  }

  private boolean serverLogContains(String text) throws IOException {
    try (var logs = Files.list(server.workDir())) {
      for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("server-")).toList()) {
        if (Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void aRejectionLetsAnotherActionRun() throws IOException {
    Conversation chat = bot("remote-reject", "reject-1");
    actions.behave(Behaviour.REJECT);

    chat.say(checkStock("fish"));
    JsonNode all =
        ParleyServer.json(
            server.get(
                "/api/tenants/remote-reject/bots/orders/conversations/reject-1/tracker"
                    + "?include_events=ALL",
                ParleyServer.bearer(KEYS.get("remote-reject"))));
    List<String> names = new ArrayList<>();
    for (JsonNode event : all.path("events")) {
      names.add(event.path("event").asText() + ":" + event.path("name").asText());
    }
    int rejected = names.indexOf("action_execution_rejected:action_check_stock");
    assertTrue(rejected >= 0, names.toString());
    assertEquals("action:action_default_fallback", names.get(rejected + 1), names.toString());
    assertFalse(names.contains("slot:stock_checked"), names.toString());
  }

  @Test
  void aSlowServerGetsUtterDefaultInTimeAndNothingHalfApplied() throws IOException {
    Conversation chat = bot("remote-slow", "slow-1");
    actions.behave(Behaviour.SLOW);

    assertFailureAnsweredInTime(chat, "beef");

    actions.behave(Behaviour.NORMAL);
    assertEquals(List.of("We have 3 portions of tofu."), chat.say(checkStock("tofu")));
  }

  @Test
  void aFailingServerGetsUtterDefault() throws IOException {
    Conversation chat = bot("remote-error", "error-1");
    actions.behave(Behaviour.ERROR);

    assertFailureAnsweredInTime(chat, "fish");

    actions.behave(Behaviour.NORMAL);
    assertEquals(List.of("We have 3 portions of fish."), chat.say(checkStock("fish")));
  }

  @Test
  void aServerThatIsDownGetsUtterDefault() throws IOException {
    Conversation chat = bot("remote-down", "down-1");
    actions.behave(Behaviour.DOWN);

    assertFailureAnsweredInTime(chat, "chicken");

    actions.behave(Behaviour.NORMAL);
    assertEquals(List.of("We have 3 portions of chicken."), chat.say(checkStock("chicken")));
  }

  @Test
  void repeatedFailuresOpenTheBotsCircuit() throws Exception {
    Conversation chat = bot("remote-circuit", "circuit-1");
    actions.behave(Behaviour.ERROR);
    for (int i = 0; i < 4; i++) {
      assertEquals(List.of(DEFAULT), chat.say(checkStock("beef")));
    }
    int before = actions.requests().size();
    assertFailureAnsweredInTime(chat, "beef");
    assertEquals(before, actions.requests().size(), "an open circuit makes no call");

    String metrics = server.get("/metrics").body();
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("parley_action_server_failures_total")
                        && l.contains("tenant=\"remote-circuit\"")
                        && l.contains("reason=\"circuit_open\"")),
        "circuit_open counted per bot");

    actions.behave(Behaviour.NORMAL);
    Thread.sleep(ParleyServer.ACTION_CIRCUIT_OPEN_MILLIS + 300);
    assertEquals(List.of("We have 3 portions of beef."), chat.say(checkStock("beef")));
  }

  private static void assertFailureAnsweredInTime(Conversation chat, String item)
      throws IOException {
    long start = System.nanoTime();
    List<String> replies = chat.say(checkStock(item));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(List.of(DEFAULT), replies);
    assertTrue(
        millis < ParleyServer.ACTION_TIMEOUT_MILLIS + MARGIN_MILLIS,
        "answered after " + millis + " ms");
    List<String> turn = new ArrayList<>(lastTurn(chat));
    turn.remove("slot:item");
    assertEquals(List.of("action:utter_default", "bot", "action:action_listen"), turn);
    assertEquals("null", chat.slot("stock_checked"));
  }
}
