package dev.parley.plugins.channel.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.ChannelTurn;
import dev.parley.plugin.channel.OutgoingMessage;
import dev.parley.plugin.channel.SocketListener;
import dev.parley.plugin.channel.TurnRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Engine.IO 4 connection (a WebSocket, or a {@link PollingSession}) speaking Rasa's socket.io
 * protocol: the open packet and heartbeat, the namespace connect, {@code session_request} answered
 * by {@code session_confirm}, and each user message run as a turn whose messages are emitted as the
 * bot event.
 */
final class SocketIoConnection implements SocketListener {

  /** The event a refused or failed turn is reported with (not part of Rasa's protocol). */
  static final String ERROR_EVENT = "parley_error";

  private static final Logger LOG = Logger.getLogger(SocketIoConnection.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The largest message a client may send, announced in the open packet. */
  static final int MAX_PAYLOAD = 1_000_000;

  private final ChannelHost host;
  private final ChannelRequest request;
  private final ChannelSocket socket;
  private final RasaSettings settings;
  private final Heartbeat heartbeat;
  private final String engineId;
  private final List<String> upgrades;
  private final List<Runnable> endActions = new ArrayList<>();
  private volatile Optional<String> socketId = Optional.empty();
  private volatile Optional<String> authorization;
  private volatile long lastPongNanos = System.nanoTime();

  SocketIoConnection(
      ChannelHost host,
      ChannelRequest request,
      ChannelSocket socket,
      RasaSettings settings,
      Heartbeat heartbeat) {
    this(host, request, socket, settings, heartbeat, newId(), List.of());
  }

  /**
   * A connection with a given Engine.IO session id that announces {@code upgrades} (the transports
   * the client may upgrade to) in its open packet.
   */
  SocketIoConnection(
      ChannelHost host,
      ChannelRequest request,
      ChannelSocket socket,
      RasaSettings settings,
      Heartbeat heartbeat,
      String engineId,
      List<String> upgrades) {
    this.engineId = engineId;
    this.upgrades = List.copyOf(upgrades);
    this.host = host;
    this.request = request;
    this.socket = socket;
    this.settings = settings;
    this.heartbeat = heartbeat;
    this.authorization =
        request
            .header("authorization")
            .or(() -> request.queryParameter("token").map(token -> "Bearer " + token));
  }

  /** Sends Engine.IO's open packet. */
  void start() {
    Map<String, Object> open = new LinkedHashMap<>();
    open.put("sid", engineId);
    open.put("upgrades", upgrades);
    open.put("pingInterval", heartbeat.intervalMillis());
    open.put("pingTimeout", heartbeat.timeoutMillis());
    open.put("maxPayload", MAX_PAYLOAD);
    socket.send("0" + json(open));
  }

  /** A new random Engine.IO or Socket.IO id. */
  static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Runs when the connection ends. */
  synchronized void onEnd(Runnable action) {
    endActions.add(action);
  }

  /** Pings the client, or closes the connection if it missed the last pong. */
  void heartbeat() {
    long silentMillis = (System.nanoTime() - lastPongNanos) / 1_000_000;
    if (silentMillis > heartbeat.intervalMillis() + heartbeat.timeoutMillis()) {
      socket.close();
      return;
    }
    socket.send("2");
  }

  @Override
  public void onText(String text) {
    if (text.isEmpty()) {
      return;
    }
    switch (text.charAt(0)) {
      case '3' -> lastPongNanos = System.nanoTime();
      case '2' -> socket.send("3" + text.substring(1));
      case '1' -> socket.close();
      case '4' -> SocketPacket.parse(text.substring(1)).ifPresent(this::onPacket);
      default -> LOG.fine(() -> "socket.io: ignoring Engine.IO packet " + text.charAt(0));
    }
  }

  @Override
  public synchronized void onClose() {
    endActions.forEach(Runnable::run);
    endActions.clear();
  }

  private void onPacket(SocketPacket packet) {
    if (!settings.namespace().equals(packet.namespace())) {
      if (packet.type() == SocketPacket.CONNECT) {
        send(
            SocketPacket.CONNECT_ERROR,
            packet.namespace(),
            Optional.empty(),
            Map.of("message", "Invalid namespace"));
      }
      return;
    }
    switch (packet.type()) {
      case SocketPacket.CONNECT -> connect(packet);
      case SocketPacket.DISCONNECT -> socketId = Optional.empty();
      case SocketPacket.EVENT -> event(packet);
      default -> LOG.fine(() -> "socket.io: ignoring packet type " + packet.type());
    }
  }

  private void connect(SocketPacket packet) {
    packet
        .json()
        .flatMap(SocketIoConnection::tree)
        .map(auth -> auth.path("token"))
        .filter(JsonNode::isTextual)
        .ifPresent(token -> authorization = Optional.of("Bearer " + token.asText()));
    String id = newId();
    socketId = Optional.of(id);
    send(SocketPacket.CONNECT, settings.namespace(), Optional.empty(), Map.of("sid", id));
  }

  private void event(SocketPacket packet) {
    if (socketId.isEmpty()) {
      return;
    }
    Optional<JsonNode> arguments = packet.json().flatMap(SocketIoConnection::tree);
    if (arguments.isEmpty() || !arguments.get().isArray() || arguments.get().isEmpty()) {
      return;
    }
    String name = arguments.get().get(0).asText();
    JsonNode data = arguments.get().path(1);
    Optional<Long> ack = packet.ackId();
    if ("session_request".equals(name)) {
      sessionRequest(data);
      acknowledge(ack);
    } else if (settings.userMessageEvent().equals(name)) {
      userMessage(data, ack);
    } else {
      acknowledge(ack);
    }
  }

  /** Acknowledges a client's event, as python-socketio does when the handler returns. */
  private void acknowledge(Optional<Long> ack) {
    ack.ifPresent(id -> send(SocketPacket.ACK, settings.namespace(), Optional.of(id), List.of()));
  }

  private void sessionRequest(JsonNode data) {
    JsonNode given = data.path("session_id");
    String session = given.isTextual() && !given.asText().isEmpty() ? given.asText() : newId();
    emit("session_confirm", session);
  }

  private void userMessage(JsonNode data, Optional<Long> ack) {
    String sender;
    if (settings.sessionPersistence()) {
      JsonNode session = data.path("session_id");
      if (!session.isTextual() || session.asText().isEmpty()) {
        LOG.warning(
            "socket.io: a message without a session_id was ignored; with session_persistence the"
                + " client must send session_request first");
        acknowledge(ack);
        return;
      }
      sender = session.asText();
    } else {
      sender = socketId.orElseThrow();
    }
    JsonNode message = data.path("message");
    Map<String, Object> metadata = metadata(data.path(settings.metadataKey()));
    ChannelTurn turn =
        new ChannelTurn(
            sender,
            message.isTextual() ? message.asText() : null,
            Optional.ofNullable(data.path("message_id").textValue()),
            metadata,
            authorization);
    host.run(request.bot(), turn)
        .whenComplete(
            (messages, failure) -> {
              reply(messages, failure);
              acknowledge(ack);
            });
  }

  private void reply(List<OutgoingMessage> messages, Throwable failure) {
    if (failure == null) {
      for (OutgoingMessage message : messages) {
        RasaMessages.payloads(message)
            .forEach(payload -> emit(settings.botMessageEvent(), payload));
      }
      return;
    }
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof TurnRefusedException refused) {
      emit(
          ERROR_EVENT,
          Map.of(
              "status",
              refused.status(),
              "reason",
              refused.reason(),
              "message",
              String.valueOf(refused.getMessage())));
    } else {
      LOG.log(Level.WARNING, "socket.io: a turn failed", cause);
      emit(
          ERROR_EVENT,
          Map.of("status", 500, "reason", "turn_failed", "message", "the turn failed"));
    }
  }

  private static Map<String, Object> metadata(JsonNode node) {
    if (!node.isObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = JSON.convertValue(node, Map.class);
    return values;
  }

  private void emit(String event, Object data) {
    List<Object> arguments = new ArrayList<>();
    arguments.add(event);
    arguments.add(data);
    send(SocketPacket.EVENT, settings.namespace(), Optional.empty(), arguments);
  }

  private void send(int type, String namespace, Optional<Long> ack, Object payload) {
    socket.send("4" + new SocketPacket(type, namespace, ack, Optional.of(json(payload))).encode());
  }

  private static Optional<JsonNode> tree(String json) {
    try {
      return Optional.of(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a socket.io payload", e);
    }
  }
}
