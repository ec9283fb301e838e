package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rasa's HTTP API on Parley's bots, against a real server: the conversation endpoints under a bot's
 * prefix (on the public demo bot), and Rasa's own paths answered by the server's default bot
 * ({@code PARLEY_DEFAULT_BOT}) with Rasa's {@code ?token=}. An appended event survives a restart.
 */
class RasaHttpApiIT {

  private static final String DEMO = "/api/tenants/demo/bots/demo";
  private static ParleyServer server;
  private static String key;
  private static String channelsKey;

  @BeforeAll
  static void start() throws IOException {
    server = ParleyServer.dedicated("rasahttp");
    server.env("PARLEY_DEFAULT_BOT", "rasa-it/booking,localhost=rasa-it/channels");
    server.start();
    key = BotProjects.create(server, "rasa-it", "booking", BotProjects.zip("booking"));
    channelsKey =
        BotProjects.create(server, "rasa-it", "channels", BotProjects.zip("socketio-booking"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static String sender(String name) {
    return "it-rasa-" + name + "-" + System.nanoTime();
  }

  private static JsonNode ok(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response.body());
    return ParleyServer.json(response);
  }

  private static void assertRasaError(HttpResponse<String> response, int code, String reason)
      throws IOException {
    assertEquals(code, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").contains("json"));
    JsonNode error = ParleyServer.json(response);
    assertEquals("failure", error.path("status").asText(), error.toString());
    assertEquals(reason, error.path("reason").asText(), error.toString());
    assertEquals(code, error.path("code").asInt(), error.toString());
    assertFalse(error.path("message").asText().isEmpty());
    assertTrue(error.has("version") && error.has("details") && error.has("help"));
  }

  @Test
  void appendsEventsWithRasasShapesAndRefusesWhatIsNotAnEvent() throws IOException {
    String s = sender("events");
    JsonNode tracker =
        ok(
            server.postJson(
                DEMO + "/conversations/" + s + "/tracker/events?include_events=ALL",
                "[{\"event\":\"slot\",\"name\":\"size\",\"value\":\"large\"},"
                    + "{\"event\":\"action\",\"name\":\"action_listen\"}]"));
    assertEquals(s, tracker.path("sender_id").asText());
    assertEquals("large", tracker.path("slots").path("size").asText());
    assertEquals(2, tracker.path("events").size(), tracker.toString());

    JsonNode none =
        ok(
            server.postJson(
                DEMO + "/conversations/" + s + "/tracker/events?include_events=NONE",
                "{\"event\":\"slot\",\"name\":\"meal_kind\",\"value\":\"beef\"}"));
    assertEquals(0, none.path("events").size());
    assertEquals("beef", none.path("slots").path("meal_kind").asText());

    assertRasaError(
        server.postJson(
            DEMO + "/conversations/" + s + "/tracker/events", "{\"event\":\"no_such_event\"}"),
        400,
        "BadRequest");
    assertRasaError(
        server.postJson(DEMO + "/conversations/" + s + "/tracker/events", "{not json"),
        400,
        "BadRequest");
    assertRasaError(
        server.postJson(
            DEMO + "/conversations/" + s + "/tracker/events?include_events=SOME",
            "{\"event\":\"restart\"}"),
        400,
        "BadRequest");
  }

  @Test
  void triggersAnIntentAndAnswersWithTheTrackerAndTheMessages() throws IOException {
    String s = sender("trigger");
    JsonNode body =
        ok(
            server.postJson(
                DEMO + "/conversations/" + s + "/trigger_intent",
                "{\"name\":\"order_meal\",\"entities\":{\"meal_kind\":\"chicken\"}}"));
    assertFalse(body.path("messages").isEmpty(), body.toString());
    assertEquals(s, body.path("messages").get(0).path("recipient_id").asText());
    JsonNode tracker = body.path("tracker");
    assertEquals("order_meal", tracker.path("latest_message").path("intent").path("name").asText());
    assertEquals("chicken", tracker.path("slots").path("meal_kind").asText());
    assertEquals("order_form", tracker.path("active_loop").path("name").asText());

    assertRasaError(
        server.postJson(DEMO + "/conversations/" + s + "/trigger_intent", "{\"name\":\"nope\"}"),
        404,
        "NotFound");
    assertRasaError(
        server.postJson(DEMO + "/conversations/" + s + "/trigger_intent", "{}"), 400, "BadRequest");
  }

  @Test
  void executesOneActionAndPredictsTheNext() throws IOException {
    String s = sender("execute");
    assertRasaError(
        server.postJson(DEMO + "/conversations/" + s + "/predict", ""), 404, "NotFound");
    JsonNode executed =
        ok(
            server.postJson(
                DEMO + "/conversations/" + s + "/execute",
                "{\"name\":\"utter_greet\",\"policy\":\"it\",\"confidence\":0.7}"));
    assertEquals(1, executed.path("messages").size(), executed.toString());
    assertEquals("utter_greet", executed.path("tracker").path("latest_action_name").asText());
    assertRasaError(
        server.postJson(DEMO + "/conversations/" + s + "/execute", "{\"name\":\"action_nope\"}"),
        404,
        "NotFound");

    ok(
        server.postJson(
            DEMO + "/conversations/" + s + "/tracker/events",
            "{\"event\":\"user\",\"text\":\"bye\",\"parse_data\":"
                + "{\"intent\":{\"name\":\"goodbye\",\"confidence\":1.0},\"entities\":[]}}"));
    int events = trackerEvents(s);
    JsonNode predicted = ok(server.postJson(DEMO + "/conversations/" + s + "/predict", ""));
    JsonNode scores = predicted.path("scores");
    assertTrue(scores.size() > 5, predicted.toString());
    assertEquals("utter_goodbye", scores.get(0).path("action").asText(), predicted.toString());
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(
          scores.get(i - 1).path("score").asDouble() >= scores.get(i).path("score").asDouble());
    }
    assertFalse(predicted.path("policy").asText().isEmpty());
    assertEquals(s, predicted.path("tracker").path("sender_id").asText());
    assertEquals(events, trackerEvents(s), "predicting changes nothing");
  }

  @Test
  void logsAUserMessageWithoutAnswering() throws IOException {
    String s = sender("messages");
    JsonNode tracker =
        ok(
            server.postJson(
                DEMO + "/conversations/" + s + "/messages",
                "{\"text\":\"a large beef set meal\",\"sender\":\"user\"}"));
    JsonNode events = tracker.path("events");
    JsonNode last = events.get(events.size() - 1);
    assertFalse("bot".equals(last.path("event").asText()), tracker.toString());
    assertEquals("a large beef set meal", tracker.path("latest_message").path("text").asText());
    assertEquals("action_listen", tracker.path("latest_action_name").asText());

    JsonNode parsed =
        ok(
            server.postJson(
                DEMO + "/conversations/" + s + "/messages",
                "{\"text\":\"yes\",\"sender\":\"user\",\"parse_data\":"
                    + "{\"intent\":{\"name\":\"affirm\",\"confidence\":1.0},\"entities\":[]}}"));
    assertEquals("affirm", parsed.path("latest_message").path("intent").path("name").asText());

    assertRasaError(
        server.postJson(
            DEMO + "/conversations/" + s + "/messages", "{\"text\":\"hi\",\"sender\":\"bot\"}"),
        400,
        "BadRequest");
  }

  @Test
  void servesTheDomainAsJsonOrYaml() throws IOException {
    JsonNode json = ok(server.get(DEMO + "/domain", "Accept", "application/json"));
    assertTrue(json.path("intents").toString().contains("order_meal"), json.toString());
    assertTrue(json.path("responses").has("utter_greet"));
    assertTrue(json.path("forms").has("order_form"));

    HttpResponse<String> yaml = server.get(DEMO + "/domain", "Accept", "application/x-yml");
    assertEquals(200, yaml.statusCode(), yaml.body());
    assertTrue(yaml.headers().firstValue("Content-Type").orElse("").contains("yml"));
    assertTrue(yaml.body().contains("intents:") && yaml.body().contains("- order_meal"));

    assertRasaError(server.get(DEMO + "/domain", "Accept", "text/html"), 406, "NotAcceptable");
  }

  @Test
  void rasasOwnPathsAnswerForTheDefaultBotWithItsToken() throws IOException {
    String s = sender("root");
    String token = "?token=" + key;
    HttpResponse<String> noToken =
        server.postJson(
            "/webhooks/rest/webhook", "{\"sender\":\"" + s + "\",\"message\":\"hello\"}");
    assertEquals(401, noToken.statusCode(), noToken.body());

    JsonNode reply =
        ok(
            server.postJson(
                "/webhooks/rest/webhook" + token,
                "{\"sender\":\"" + s + "\",\"message\":\"hello\"}"));
    assertTrue(reply.isArray() && reply.size() > 0, reply.toString());
    assertEquals("Hello! I can book you a table.", reply.get(0).path("text").asText());
    assertEquals("ok", ok(server.get("/webhooks/rest" + token)).path("status").asText());

    JsonNode parse = ok(server.postJson("/model/parse" + token, "{\"text\":\"hello\"}"));
    assertEquals("greet", parse.path("intent").path("name").asText(), parse.toString());

    JsonNode tracker = ok(server.get("/conversations/" + s + "/tracker" + token));
    assertEquals("greet", tracker.path("latest_message").path("intent").path("name").asText());

    JsonNode withBearer =
        ok(
            server.postJson(
                "/conversations/" + s + "/trigger_intent",
                "{\"name\":\"goodbye\"}",
                ParleyServer.bearer(key)));
    assertEquals("Goodbye!", withBearer.path("messages").get(0).path("text").asText());
    assertTrue(
        ok(server.get("/domain" + token, "Accept", "application/json"))
            .path("forms")
            .has("booking_form"));
    assertRasaError(
        server.postJson("/conversations/" + s + "/predict?token=wrong", ""), 404, "NotFound");
  }

  @Test
  void anAppendedEventSurvivesARestart() throws IOException {
    String s = sender("survives");
    String token = "?token=" + key;
    ok(
        server.postJson(
            "/conversations/" + s + "/tracker/events" + token,
            "{\"event\":\"slot\",\"name\":\"cuisine\",\"value\":\"indian\"}"));
    server.restart();
    JsonNode tracker = ok(server.get("/conversations/" + s + "/tracker" + token));
    assertEquals("indian", tracker.path("slots").path("cuisine").asText(), tracker.toString());
    assertTrue(tracker.path("events").toString().contains("\"indian\""));
    assertEquals(
        "indian",
        ok(server.get("/api/tenants/rasa-it/bots/booking/conversations/" + s + "/tracker" + token))
            .path("slots")
            .path("cuisine")
            .asText(),
        "?token= also works under the bot's prefix");
  }

  private static int trackerEvents(String sender) throws IOException {
    return ok(server.get(DEMO + "/conversations/" + sender + "/tracker?include_events=ALL"))
        .path("events")
        .size();
  }

  @Test
  void theBotBoundToAHostAnswersOverSocketIoAtRasasPath() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode config = ParleyServer.JSON.createObjectNode();
    config.put("url", server.baseUrl().replace("127.0.0.1", "localhost"));
    config.put("path", "/socket.io/");
    config.put("token", channelsKey);
    config.put("sessionId", sender("socketio"));
    config.putArray("steps").add("I want to book a table");
    JsonNode answer = NodeClient.run("socketio-conversation.js", config);
    assertEquals(
        "Which cuisine would you like?",
        answer.path("turns").get(0).get(0).path("text").asText(),
        answer.toString());
  }

  @Test
  void theBotBoundToAHostAnswersOverSocketIoLongPollingAtRasasPath() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode config = ParleyServer.JSON.createObjectNode();
    config.put("url", server.baseUrl().replace("127.0.0.1", "localhost"));
    config.put("path", "/socket.io/");
    config.put("token", channelsKey);
    config.put("sessionId", sender("socketio-polling"));
    config.put("transports", "default");
    config.putArray("steps").add("I want to book a table");
    JsonNode answer = NodeClient.run("socketio-conversation.js", config);
    assertEquals("[\"polling\",\"websocket\"]", answer.path("transports").toString());
    assertEquals(
        "Which cuisine would you like?",
        answer.path("turns").get(0).get(0).path("text").asText(),
        answer.toString());
  }
}
