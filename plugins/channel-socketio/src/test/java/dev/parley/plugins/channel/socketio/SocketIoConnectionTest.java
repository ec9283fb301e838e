package dev.parley.plugins.channel.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.ChannelTurn;
import dev.parley.plugin.channel.OutgoingMessage;
import dev.parley.plugin.channel.TurnRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Rasa's socket.io conversation over a fake socket and a fake host. */
class SocketIoConnectionTest {

  private final List<String> sent = new ArrayList<>();
  private final List<ChannelTurn> turns = new ArrayList<>();
  private boolean refuse;

  private final ChannelSocket socket =
      new ChannelSocket() {
        @Override
        public String id() {
          return "s1";
        }

        @Override
        public void send(String text) {
          sent.add(text);
        }

        @Override
        public void close() {
          sent.add("<closed>");
        }

        @Override
        public boolean isOpen() {
          return true;
        }
      };

  private SocketIoConnection connection(Map<String, Object> settings) {
    ChannelBot bot = new ChannelBot("t", "b", settings);
    ChannelRequest request =
        new ChannelRequest(
            bot,
            "GET",
            "socket.io/",
            Map.of(),
            Map.of("EIO", List.of("4"), "token", List.of("key")),
            Map.of());
    SocketIoConnection connection =
        new SocketIoConnection(
            (b, turn) -> {
              turns.add(turn);
              if (refuse) {
                return CompletableFuture.failedFuture(
                    new TurnRefusedException(401, "unauthorized", "needs a key"));
              }
              return CompletableFuture.completedFuture(
                  List.of(
                      new OutgoingMessage(
                          turn.sender(),
                          Optional.of("Pick one"),
                          List.of(new OutgoingMessage.Button("Yes", "/affirm")),
                          Optional.empty(),
                          Map.of()),
                      new OutgoingMessage(
                          turn.sender(),
                          Optional.empty(),
                          List.of(),
                          Optional.of("http://img"),
                          Map.of())));
            },
            request,
            socket,
            RasaSettings.of(bot),
            new Heartbeat(1000, 1000));
    connection.start();
    return connection;
  }

  @Test
  void opensConnectsConfirmsTheSessionAndAnswersAMessage() {
    SocketIoConnection connection = connection(Map.of("session_persistence", true));
    assertTrue(sent.get(0).startsWith("0{\"sid\":"), sent.get(0));
    assertTrue(sent.get(0).contains("\"pingInterval\":1000"), sent.get(0));
    connection.onText("40");
    assertTrue(sent.get(1).startsWith("40{\"sid\":"), sent.get(1));
    connection.onText("421[\"session_request\",{\"session_id\":\"abc\"}]");
    assertEquals("42[\"session_confirm\",\"abc\"]", sent.get(2));
    assertEquals("431[]", sent.get(3));
    connection.onText(
        "422[\"user_uttered\",{\"message\":\"hi\",\"session_id\":\"abc\",\"customData\":{\"k\":1}}]");
    assertEquals("abc", turns.get(0).sender());
    assertEquals("hi", turns.get(0).text());
    assertEquals(Map.of("k", 1), turns.get(0).metadata());
    assertEquals(Optional.of("Bearer key"), turns.get(0).authorization());
    assertEquals(
        "42[\"bot_uttered\",{\"text\":\"Pick one\",\"quick_replies\":[{\"content_type\":\"text\","
            + "\"title\":\"Yes\",\"payload\":\"/affirm\"}]}]",
        sent.get(4));
    assertEquals(
        "42[\"bot_uttered\",{\"attachment\":{\"type\":\"image\",\"payload\":{\"src\":\"http://img\"}}}]",
        sent.get(5));
    assertEquals("432[]", sent.get(6), "acknowledged after the answers");
  }

  @Test
  void withoutPersistenceTheSenderIsTheSocketAndWithItASessionIsRequired() {
    SocketIoConnection plain = connection(Map.of());
    plain.onText("40");
    plain.onText("42[\"user_uttered\",{\"message\":\"hi\"}]");
    assertEquals(1, turns.size());
    assertTrue(sent.get(1).contains(turns.get(0).sender()), "the sender is the socket's id");

    SocketIoConnection persistent = connection(Map.of("session_persistence", "true"));
    persistent.onText("40");
    persistent.onText("42[\"user_uttered\",{\"message\":\"hi\"}]");
    assertEquals(1, turns.size(), "ignored without a session_id");
  }

  @Test
  void usesTheConfiguredEventsAndReportsARefusal() {
    SocketIoConnection connection =
        connection(Map.of("user_message_evt", "say", "bot_message_evt", "said"));
    connection.onText("40");
    connection.onText("42[\"say\",{\"message\":\"hi\"}]");
    assertTrue(sent.get(2).startsWith("42[\"said\","), sent.get(2));
    refuse = true;
    connection.onText("42[\"say\",{\"message\":\"hi\"}]");
    assertTrue(sent.get(sent.size() - 1).startsWith("42[\"parley_error\","), sent.toString());
  }

  @Test
  void answersPingsAndClosesASilentClient() {
    SocketIoConnection connection = connection(Map.of());
    connection.onText("2probe");
    assertEquals("3probe", sent.get(1));
    connection.heartbeat();
    assertEquals("2", sent.get(2));
  }

  @Test
  void refusesAnotherNamespace() {
    SocketIoConnection connection = connection(Map.of());
    connection.onText("40/other,");
    assertTrue(sent.get(1).startsWith("44/other,{\"message\""), sent.get(1));
  }
}
