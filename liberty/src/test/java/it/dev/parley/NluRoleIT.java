package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One jar, two roles: an NLU server ({@code PARLEY_ROLE=nlu}) and a dialogue server that sends its
 * parses there ({@code PARLEY_NLU_URL}), on one database; the NLU server is no cluster member (a
 * member would own conversations and be sent turns). Turns on the dialogue server are parsed by the
 * NLU server with the same model version; the NLU server answers nothing but parse calls; once it
 * is stopped, turns still succeed, parsed locally by the fallback.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NluRoleIT {

  private static final String KEY = "it-nlu-key";
  private static final String PARSE = "/api/nlu/parse";

  private static ParleyServer nlu;
  private static ParleyServer dialogue;

  @BeforeAll
  static void startBothRoles() throws Exception {
    Path db =
        Path.of(System.getProperty("parley.it.dir", "target/it"), "nlu-role-db", "parley")
            .toAbsolutePath();
    Map<String, String> common = new HashMap<>();
    String schema = ParleyServer.ownSchema("it_nlu_role");
    if (schema == null) {
      common.put("PARLEY_DB_URL", "jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE");
    }
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    common.put(
        "PARLEY_ENCRYPTION_KEYS",
        "nlu-role-it:" + java.util.Base64.getEncoder().encodeToString(key));
    common.put("PARLEY_NLU_KEY", KEY);
    // The dialogue server starts first: with the embedded H2 the first process serves the
    // database to the others, and the NLU server is stopped before the end.
    int nluPort = ParleyServer.anyFreePort();
    Map<String, String> dialogueEnv = new HashMap<>(common);
    dialogueEnv.put("PARLEY_NLU_URL", "http://127.0.0.1:" + nluPort);
    // generous on a loaded test machine: a parse must not fall back merely for being slow here
    dialogueEnv.put("PARLEY_NLU_REMOTE_TIMEOUT_MS", "10000");
    dialogue = ParleyServer.startAnother("nlu-role-dialogue", dialogueEnv, schema);
    Map<String, String> nluEnv = new HashMap<>(common);
    nluEnv.put("PARLEY_ROLE", "nlu");
    nlu = ParleyServer.startAnother("nlu-role-nlu", nluEnv, schema, nluPort);
    for (String warmUp : List.of("good morning", "a large one", "no thanks")) {
      nlu.postJson(
          PARSE,
          "{\"tenant\":\"demo\",\"bot\":\"demo\",\"version\":"
              + version()
              + ",\"text\":\""
              + warmUp
              + "\"}",
          "Authorization",
          "Bearer " + KEY);
    }
  }

  @AfterAll
  static void stopServers() {
    if (dialogue != null) {
      dialogue.stop();
    }
    if (nlu != null) {
      nlu.stop();
    }
  }

  @Test
  @Order(1)
  void turnsOnTheDialogueServerAreParsedByTheNluServer() throws Exception {
    double parsedBefore = metric(nlu, "parley_nlu_parses_total");
    double remoteBefore = metric(dialogue, "parley_nlu_remote_total", "outcome=\"remote\"");
    Conversation conversation =
        new Conversation(dialogue, "demo", "demo", "nlu-role-" + System.nanoTime());
    assertTrue(conversation.say("hi").get(0).startsWith("Hi!"));
    String order = "I'd like to order a chicken set meal";
    assertTrue(conversation.say(order).get(0).contains("size"));
    assertTrue(metric(nlu, "parley_nlu_parses_total") >= parsedBefore + 2, "parsed on the NLU");
    assertTrue(
        metric(dialogue, "parley_nlu_remote_total", "outcome=\"remote\"") >= remoteBefore + 2,
        "the dialogue server used the NLU server's parses");
    JsonNode user = lastUserEvent(conversation.tracker());
    assertEquals(order, user.path("text").asText());
    assertEquals("order_meal", user.path("parse_data").path("intent").path("name").asText());
  }

  @Test
  @Order(2)
  void theNluServerAnswersOnlyParseCallsWithTheKeyAndTheNamedVersion() throws Exception {
    HttpResponse<String> webhook =
        nlu.postJson(
            "/api/tenants/demo/bots/demo/webhooks/rest/webhook",
            "{\"sender\":\"x\",\"message\":\"hi\"}");
    assertEquals(404, webhook.statusCode(), webhook.body());
    assertEquals("nlu_role", ParleyServer.json(webhook).path("error").asText());

    String body = "{\"tenant\":\"demo\",\"bot\":\"demo\",\"version\":%d,\"text\":\"hello\"}";
    assertEquals(403, nlu.postJson(PARSE, String.format(body, version())).statusCode());
    HttpResponse<String> parsed =
        nlu.postJson(PARSE, String.format(body, version()), "Authorization", "Bearer " + KEY);
    assertEquals(200, parsed.statusCode(), parsed.body());
    JsonNode reply = ParleyServer.json(parsed);
    assertEquals(version(), reply.path("version").asInt());
    assertEquals("greet", reply.path("parse").path("intent").path("name").asText());
    HttpResponse<String> other =
        nlu.postJson(
            PARSE, String.format(body, version() + 1000), "Authorization", "Bearer " + KEY);
    assertEquals(409, other.statusCode(), other.body());
  }

  @Test
  @Order(3)
  void withTheNluServerStoppedTurnsStillSucceedThroughTheFallback() throws Exception {
    nlu.stop();
    Conversation conversation =
        new Conversation(dialogue, "demo", "demo", "nlu-role-down-" + System.nanoTime());
    assertTrue(conversation.say("hello").get(0).startsWith("Hi!"));
    List<String> reply = conversation.say("I want to order a chicken set meal");
    assertTrue(reply.get(0).contains("size"), reply.toString());
    assertTrue(
        metric(dialogue, "parley_nlu_remote_total", "outcome=\"fallback\"") >= 2,
        "parsed locally by the fallback");
  }

  private static int version() throws IOException {
    JsonNode versions =
        ParleyServer.json(
            dialogue.get("/api/admin/tenants/demo/bots/demo/versions", ParleyServer.admin()));
    return versions.has("active_version")
        ? versions.path("active_version").asInt()
        : versions.path("activeVersion").asInt();
  }

  private static JsonNode lastUserEvent(JsonNode tracker) {
    JsonNode last = null;
    for (JsonNode event : tracker.path("events")) {
      if (event.path("event").asText().equals("user")) {
        last = event;
      }
    }
    assertFalse(last == null, "a user event");
    return last;
  }

  /** The sum of a demo-bot metric's series that contain the given tags. */
  private static double metric(ParleyServer server, String name, String... tags)
      throws IOException {
    String metrics = server.get("/metrics?scope=application").body();
    Matcher line =
        Pattern.compile("(?m)^" + name + "\\{([^}]*)}\\s+([0-9.eE+-]+)").matcher(metrics);
    double total = 0;
    while (line.find()) {
      String found = line.group(1);
      if (found.contains("tenant=\"demo\"")
          && found.contains("bot=\"demo\"")
          && List.of(tags).stream().allMatch(found::contains)) {
        total += Double.parseDouble(line.group(2));
      }
    }
    return total;
  }
}
