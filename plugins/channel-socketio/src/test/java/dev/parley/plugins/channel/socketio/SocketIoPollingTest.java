package dev.parley.plugins.channel.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.OutgoingMessage;
import dev.parley.plugin.channel.SocketListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel's HTTP long-polling transport and the upgrade to a WebSocket, through its SPI. */
class SocketIoPollingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ChannelBot BOT = new ChannelBot("t", "b", Map.of());

  private final CompletableFuture<List<OutgoingMessage>> answer = new CompletableFuture<>();
  private final SocketIoChannel channel =
      new SocketIoChannel((bot, turn) -> answer, new Heartbeat(400, 400));

  @AfterEach
  void close() {
    channel.close();
  }

  private static ChannelRequest request(String method, Map<String, String> query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("EIO", List.of("4"));
    query.forEach((name, value) -> parameters.put(name, List.of(value)));
    return new ChannelRequest(BOT, method, "socket.io/", Map.of(), parameters, Map.of());
  }

  private ChannelHttpResponse http(String method, Map<String, String> query, String body) {
    return channel.http(request(method, query), body).orElseThrow();
  }

  private ChannelHttpResponse get(String sid) {
    return http("GET", Map.of("transport", "polling", "sid", sid), "");
  }

  private ChannelHttpResponse post(String sid, String body) {
    return http("POST", Map.of("transport", "polling", "sid", sid), body);
  }

  private String handshake() throws Exception {
    ChannelHttpResponse open = http("GET", Map.of("transport", "polling"), "");
    assertEquals(200, open.status());
    assertTrue(open.body().startsWith("0{"), open.body());
    JsonNode packet = JSON.readTree(open.body().substring(1));
    assertEquals("[\"websocket\"]", packet.path("upgrades").toString());
    assertEquals(400, packet.path("pingInterval").asLong());
    assertEquals(400, packet.path("pingTimeout").asLong());
    assertEquals(SocketIoConnection.MAX_PAYLOAD, packet.path("maxPayload").asInt());
    return packet.path("sid").asText();
  }

  @Test
  void handshakesConnectsAndConversesOverPolling() throws Exception {
    String sid = handshake();
    assertEquals("ok", post(sid, "40").body());
    assertTrue(get(sid).body().startsWith("40{\"sid\":"));

    assertEquals("ok", post(sid, "421[\"session_request\",{\"session_id\":\"abc\"}]").body());
    assertEquals("42[\"session_confirm\",\"abc\"]\u001e431[]", get(sid).body());

    post(sid, "422[\"user_uttered\",{\"message\":\"hi\"}]");
    CompletableFuture<ChannelHttpResponse> poll = CompletableFuture.supplyAsync(() -> get(sid));
    Thread.sleep(100);
    assertFalse(poll.isDone(), "the GET waits for the bot's answer");
    answer.complete(
        List.of(
            new OutgoingMessage(
                "abc", Optional.of("Hello"), List.of(), Optional.empty(), Map.of())));
    String received = poll.get(2, TimeUnit.SECONDS).body();
    if (!received.endsWith("432[]")) {
      received += PollingPayload.SEPARATOR + get(sid).body();
    }
    assertEquals("42[\"bot_uttered\",{\"text\":\"Hello\"}]\u001e432[]", received);
  }

  @Test
  void aLongPollEndsWithThePingInTimeAndThePongKeepsTheSessionAlive() throws Exception {
    String sid = handshake();
    long start = System.nanoTime();
    assertEquals("2", get(sid).body());
    assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(900));
    post(sid, "3");
    String next = get(sid).body();
    assertTrue(next.equals("2") || next.equals("6"), next);
  }

  @Test
  void aSilentClientsSessionExpires() throws Exception {
    String sid = handshake();
    Thread.sleep(1_500);
    assertEquals(400, get(sid).status(), "forgotten after a missed pong");
  }

  @Test
  void refusesUnknownSessionsBadRequestsAndASecondWaitingGet() throws Exception {
    assertEquals(400, get("nope").status());
    assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", get("nope").body());
    assertEquals(400, http("POST", Map.of("transport", "polling"), "40").status());
    assertEquals(400, http("GET", Map.of("transport", "carrier-pigeon"), "").status());
    assertEquals(
        Optional.empty(),
        channel.http(new ChannelRequest(BOT, "GET", "other/", Map.of(), Map.of(), Map.of()), ""));

    String sid = handshake();
    CompletableFuture<ChannelHttpResponse> first = CompletableFuture.supplyAsync(() -> get(sid));
    Thread.sleep(100);
    assertEquals(400, get(sid).status());
    assertEquals("1", first.get(2, TimeUnit.SECONDS).body(), "the session is closed");
    assertEquals(400, get(sid).status());
  }

  private CompletableFuture<Optional<ChannelHttpResponse>> getAsync(String sid) {
    return channel
        .httpAsync(request("GET", Map.of("transport", "polling", "sid", sid)), "")
        .toCompletableFuture();
  }

  @Test
  void waitingPollsHoldNoThreadAndTheChannelsEndAnswersThem() throws Exception {
    List<String> sids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String sid = handshake();
      post(sid, "40");
      assertTrue(get(sid).body().startsWith("40{"));
      sids.add(sid);
    }
    int threads = Thread.activeCount();
    List<CompletableFuture<Optional<ChannelHttpResponse>>> polls = new ArrayList<>();
    sids.forEach(sid -> polls.add(getAsync(sid)));

    assertTrue(polls.stream().noneMatch(CompletableFuture::isDone), "all 200 wait");
    assertTrue(Thread.activeCount() <= threads + 2, "no thread per waiting poll");
    channel.close();
    for (CompletableFuture<Optional<ChannelHttpResponse>> poll : polls) {
      assertEquals("1", poll.get(2, TimeUnit.SECONDS).orElseThrow().body());
    }
  }

  @Test
  void aCancelledAnswerWithdrawsItsGet() throws Exception {
    String sid = handshake();
    post(sid, "40");
    get(sid);
    CompletableFuture<Optional<ChannelHttpResponse>> poll = getAsync(sid);
    assertFalse(poll.isDone());
    poll.cancel(false);
    assertEquals(200, getAsync(sid).get(2, TimeUnit.SECONDS).orElseThrow().status(), "not refused");
  }

  @Test
  void theClientsClosePacketEndsTheSession() throws Exception {
    String sid = handshake();
    post(sid, "40");
    post(sid, "41\u001e1");
    assertEquals(400, get(sid).status());
  }

  @Test
  void upgradesToAWebSocketAfterTheProbe() throws Exception {
    String sid = handshake();
    post(sid, "40");
    get(sid);

    FakeSocket websocket = new FakeSocket();
    ChannelRequest upgrade =
        new ChannelRequest(
            BOT,
            "GET",
            "socket.io/",
            Map.of(),
            Map.of("EIO", List.of("4"), "transport", List.of("websocket"), "sid", List.of(sid)),
            Map.of());
    SocketListener listener = channel.open(upgrade, websocket).orElseThrow();
    CompletableFuture<ChannelHttpResponse> poll = CompletableFuture.supplyAsync(() -> get(sid));
    Thread.sleep(100);
    listener.onText("2probe");
    assertEquals(List.of("3probe"), websocket.sent);
    assertEquals("6", poll.get(2, TimeUnit.SECONDS).body(), "the waiting GET ends with a noop");

    post(sid, "421[\"session_request\",{\"session_id\":\"abc\"}]");
    listener.onText("5");
    assertEquals(
        List.of("3probe", "42[\"session_confirm\",\"abc\"]", "431[]"),
        websocket.sent,
        "packets queued for polling are flushed to the WebSocket");
    assertEquals(400, get(sid).status(), "no polling after the upgrade");

    listener.onText("422[\"session_request\",{\"session_id\":\"def\"}]");
    assertEquals("42[\"session_confirm\",\"def\"]", websocket.sent.get(3));
    listener.onText("41");
    listener.onText("1");
    assertFalse(websocket.open);
    listener.onClose();
    assertEquals(
        Optional.empty(), channel.open(upgrade, new FakeSocket()), "the session is forgotten");
  }

  @Test
  void aFailedProbeLeavesPollingGoing() throws Exception {
    String sid = handshake();
    FakeSocket websocket = new FakeSocket();
    ChannelRequest upgrade =
        new ChannelRequest(
            BOT,
            "GET",
            "socket.io/",
            Map.of(),
            Map.of("EIO", List.of("4"), "transport", List.of("websocket"), "sid", List.of(sid)),
            Map.of());
    SocketListener listener = channel.open(upgrade, websocket).orElseThrow();
    listener.onText("2probe");
    listener.onClose();
    post(sid, "40");
    assertTrue(get(sid).body().startsWith("40{\"sid\":"));
  }

  private static final class FakeSocket implements ChannelSocket {
    private final List<String> sent = new ArrayList<>();
    private boolean open = true;

    @Override
    public String id() {
      return "ws";
    }

    @Override
    public synchronized void send(String text) {
      sent.add(text);
    }

    @Override
    public void close() {
      open = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
