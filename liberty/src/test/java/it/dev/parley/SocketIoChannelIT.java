package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rasa's socket.io channel against a real server, driven by the official {@code socket.io-client}
 * from node: a bot whose {@code credentials.yml} has a {@code socketio:} section with {@code
 * session_persistence} holds a form conversation with buttons, which then continues over the REST
 * channel with the same sender, and the other way round; the tracker shows both channels. The
 * client runs over WebSocket only, over its default transports (HTTP long-polling, then the upgrade
 * to WebSocket), and over long-polling only. Long-polling GETs that wait hold no server thread:
 * more of them than the server has threads leave it free to answer other requests meanwhile.
 */
class SocketIoChannelIT {

  private static final String TENANT = "channels-it";
  private static final String BOT = "booking";
  private static final String PREFIX = "/api/tenants/" + TENANT + "/bots/" + BOT;
  private static ParleyServer server;
  private static String key;

  @BeforeAll
  static void start() throws IOException {
    server = ParleyServer.shared();
    key = BotProjects.create(server, TENANT, BOT, BotProjects.zip("socketio-booking"));
  }

  private static String sender(String name) {
    return "it-socketio-" + name + "-" + System.nanoTime();
  }

  /** Runs the node client over WebSocket only (see the other {@code converse}). */
  private static JsonNode converse(String sessionId, Object... steps)
      throws IOException, InterruptedException {
    return converse(Optional.of(List.of("websocket")), sessionId, steps);
  }

  /**
   * Runs the node client on the steps (a text, or {"button": title}) and returns its answer.
   *
   * @param transports the client's transports; empty for its default (polling, then the upgrade to
   *     websocket, which the client waits for before it disconnects)
   */
  private static JsonNode converse(
      Optional<List<String>> transports, String sessionId, Object... steps)
      throws IOException, InterruptedException {
    ObjectNode config = ParleyServer.JSON.createObjectNode();
    if (transports.isPresent()) {
      transports.get().forEach(config.putArray("transports")::add);
    } else {
      config.put("transports", "default");
    }
    config.put("url", server.baseUrl());
    config.put("path", "/channels/" + TENANT + "/" + BOT + "/socketio/socket.io/");
    config.put("token", key);
    config.put("sessionId", sessionId);
    ArrayNode list = config.putArray("steps");
    for (Object step : steps) {
      if (step instanceof String text) {
        list.add(text);
      } else {
        list.addObject().put("button", ((Button) step).title());
      }
    }
    return NodeClient.run("socketio-conversation.js", config);
  }

  private record Button(String title) {}

  private static List<String> texts(JsonNode turn) {
    List<String> texts = new ArrayList<>();
    turn.forEach(payload -> texts.add(payload.path("text").asText()));
    return texts;
  }

  private static JsonNode rest(String sender, String message) throws IOException {
    var response =
        server.postJson(
            PREFIX + "/webhooks/rest/webhook",
            "{\"sender\":\"" + sender + "\",\"message\":\"" + message + "\"}",
            ParleyServer.bearer(key));
    assertEquals(200, response.statusCode(), response.body());
    return ParleyServer.json(response);
  }

  private static JsonNode tracker(String sender) throws IOException {
    var response =
        server.get(
            PREFIX + "/conversations/" + sender + "/tracker?include_events=ALL",
            ParleyServer.bearer(key));
    assertEquals(200, response.statusCode(), response.body());
    return ParleyServer.json(response);
  }

  private static List<String> inputChannels(JsonNode tracker) {
    List<String> channels = new ArrayList<>();
    tracker
        .path("events")
        .forEach(
            event -> {
              if ("user".equals(event.path("event").asText())) {
                channels.add(event.path("input_channel").asText());
              }
            });
    return channels;
  }

  @Test
  void aFormWithButtonsOverSocketIoContinuesOverRest() throws Exception {
    String session = sender("forward");
    JsonNode answer = converse(session, "I want to book a table", new Button("Italian"));
    assertEquals(session, answer.path("sessionConfirm").asText());
    JsonNode ask = answer.path("turns").get(0);
    assertEquals(List.of("Which cuisine would you like?"), texts(ask), ask.toString());
    JsonNode replies = ask.get(0).path("quick_replies");
    assertEquals(3, replies.size(), ask.toString());
    assertEquals("text", replies.get(0).path("content_type").asText());
    assertEquals("/inform{\"cuisine\":\"italian\"}", replies.get(0).path("payload").asText());
    assertEquals(List.of("For how many people (1 to 12)?"), texts(answer.path("turns").get(1)));

    JsonNode confirm = rest(session, "4");
    assertTrue(confirm.get(0).path("text").asText().contains("italian"), confirm.toString());

    JsonNode tracker = tracker(session);
    assertEquals("italian", tracker.path("slots").path("cuisine").asText(), tracker.toString());
    assertEquals(4.0, tracker.path("slots").path("people").asDouble(), tracker.toString());
    assertEquals(List.of("socketio", "socketio", "rest"), inputChannels(tracker));
    assertEquals("rest", tracker.path("latest_input_channel").asText());
  }

  @Test
  void aConversationStartedOverRestContinuesOverSocketIo() throws Exception {
    String session = sender("back");
    JsonNode ask = rest(session, "book a table please");
    assertEquals("Which cuisine would you like?", ask.get(0).path("text").asText(), ask.toString());
    assertEquals(3, ask.get(0).path("buttons").size(), ask.toString());

    JsonNode answer = converse(session, "/inform{\"cuisine\":\"chinese\"}", "we are 3");
    assertEquals(List.of("For how many people (1 to 12)?"), texts(answer.path("turns").get(0)));
    assertTrue(texts(answer.path("turns").get(1)).get(0).contains("chinese"), answer.toString());

    JsonNode tracker = tracker(session);
    assertEquals("chinese", tracker.path("slots").path("cuisine").asText(), tracker.toString());
    assertEquals(List.of("rest", "socketio", "socketio"), inputChannels(tracker));
  }

  @Test
  void theDefaultTransportsStartWithLongPollingAndUpgradeToWebSocket() throws Exception {
    String session = sender("upgrade");
    JsonNode answer =
        converse(Optional.empty(), session, "I want to book a table", new Button("Chinese"), "2");
    assertEquals(session, answer.path("sessionConfirm").asText());
    assertEquals("polling", answer.path("transports").get(0).asText(), answer.toString());
    assertEquals("websocket", answer.path("transports").get(1).asText(), answer.toString());
    JsonNode turns = answer.path("turns");
    assertEquals(List.of("Which cuisine would you like?"), texts(turns.get(0)), turns.toString());
    assertEquals(List.of("For how many people (1 to 12)?"), texts(turns.get(1)), turns.toString());
    assertTrue(texts(turns.get(2)).get(0).contains("chinese"), turns.toString());

    JsonNode tracker = tracker(session);
    assertEquals(2.0, tracker.path("slots").path("people").asDouble(), tracker.toString());
    assertEquals(List.of("socketio", "socketio", "socketio"), inputChannels(tracker));
  }

  @Test
  void aConversationRunsOverLongPollingOnly() throws Exception {
    String session = sender("polling");
    JsonNode answer =
        converse(Optional.of(List.of("polling")), session, "book a table", new Button("Italian"));
    assertEquals("[\"polling\",\"polling\"]", answer.path("transports").toString());
    assertEquals(
        List.of("For how many people (1 to 12)?"),
        texts(answer.path("turns").get(1)),
        answer.toString());
  }

  /** More long-polls waiting at once than the server's executor has threads (100 by default). */
  private static final int WAITING_POLLS = 120;

  private static final HttpClient POLLER =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private static String pollingUrl(Optional<String> sid) {
    return server.baseUrl()
        + "/channels/"
        + TENANT
        + "/"
        + BOT
        + "/socketio/socket.io/?EIO=4&transport=polling&token="
        + key
        + sid.map(s -> "&sid=" + s).orElse("");
  }

  private static CompletableFuture<HttpResponse<String>> poll(String sid) {
    return POLLER.sendAsync(
        HttpRequest.newBuilder(URI.create(pollingUrl(Optional.of(sid))))
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String sid, String payload) throws Exception {
    return POLLER.send(
        HttpRequest.newBuilder(URI.create(pollingUrl(Optional.of(sid))))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "text/plain;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An Engine.IO session over long-polling whose socket.io namespace is connected: its sid. */
  private static String connectedPollingSession() throws Exception {
    HttpResponse<String> open =
        POLLER.send(
            HttpRequest.newBuilder(URI.create(pollingUrl(Optional.empty())))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, open.statusCode(), open.body());
    String sid = ParleyServer.JSON.readTree(open.body().substring(1)).path("sid").asText();
    assertEquals("ok", post(sid, "40").body());
    HttpResponse<String> connected = poll(sid).get(20, TimeUnit.SECONDS);
    assertTrue(connected.body().startsWith("40{"), connected.body());
    return sid;
  }

  @Test
  void longPollsThatWaitHoldNoServerThread() throws Exception {
    List<String> sids = new ArrayList<>();
    for (int i = 0; i < WAITING_POLLS; i++) {
      sids.add(connectedPollingSession());
    }
    List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
    sids.forEach(sid -> polls.add(poll(sid)));
    Thread.sleep(1_000);

    String sender = sender("while-polling");
    JsonNode ask = rest(sender, "book a table please");
    assertEquals("Which cuisine would you like?", ask.get(0).path("text").asText(), ask.toString());
    assertEquals(
        0,
        polls.stream().filter(CompletableFuture::isDone).count(),
        "the REST turn was answered while all " + WAITING_POLLS + " long-polls still waited");

    for (String sid : sids) {
      post(sid, "1");
    }
    for (CompletableFuture<HttpResponse<String>> poll : polls) {
      HttpResponse<String> ended = poll.get(20, TimeUnit.SECONDS);
      assertEquals(200, ended.statusCode(), ended.body());
      assertTrue(
          ended.body().endsWith("1") || ended.body().endsWith("2"),
          "the waiting GET carries the close (or the ping, if it came first): " + ended.body());
    }
  }
}
