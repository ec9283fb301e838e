package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.SocketListener;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

/**
 * Engine.IO 4's HTTP long-polling transport: a GET without a sid opens a session (its answer is the
 * open packet), a GET with one waits for the session's packets, a POST carries the client's
 * packets. Sessions live in memory until they close (the client's close packet, a missed pong, or
 * the channel's end). A waiting GET's answer is a future: no thread waits for it.
 */
final class PollingTransport {

  private static final String TEXT = "text/plain; charset=UTF-8";

  private final Map<String, PollingSession> sessions = new ConcurrentHashMap<>();
  private final BiFunction<ChannelRequest, PollingSession, SocketListener> connections;
  private final long pollMillis;
  private final ScheduledExecutorService timer;

  /**
   * @param connections starts the connection of a new session (it sends the open packet)
   * @param pollMillis how long a GET waits for packets
   * @param timer ends the GETs that waited {@code pollMillis}
   */
  PollingTransport(
      BiFunction<ChannelRequest, PollingSession, SocketListener> connections,
      long pollMillis,
      ScheduledExecutorService timer) {
    this.connections = connections;
    this.pollMillis = pollMillis;
    this.timer = timer;
  }

  /** The open session with this sid. */
  Optional<PollingSession> session(String sid) {
    return Optional.ofNullable(sessions.get(sid));
  }

  /**
   * Answers a polling request (the caller checked the path): at once, but for a GET that waits for
   * packets. Cancelling the answer withdraws the GET.
   */
  CompletableFuture<ChannelHttpResponse> handle(ChannelRequest request, String body) {
    Map<String, String> cors = cors(request);
    if ("OPTIONS".equals(request.method())) {
      return now(new ChannelHttpResponse(204, TEXT, "", cors));
    }
    if (request.queryParameter("EIO").filter("4"::equals).isEmpty()) {
      return now(error(5, "Unsupported protocol version", cors));
    }
    if (request.queryParameter("transport").filter("polling"::equals).isEmpty()) {
      return now(error(0, "Transport unknown", cors));
    }
    Optional<String> sid = request.queryParameter("sid");
    if (sid.isEmpty()) {
      return now(
          "GET".equals(request.method())
              ? handshake(request, cors)
              : error(2, "Bad handshake method", cors));
    }
    Optional<PollingSession> session = session(sid.get()).filter(s -> !s.upgraded());
    if (session.isEmpty()) {
      return now(error(1, "Session ID unknown", cors));
    }
    return switch (request.method()) {
      case "GET" -> poll(session.get(), cors);
      case "POST" -> now(post(session.get(), body, cors));
      default -> now(error(3, "Bad request", cors));
    };
  }

  private static CompletableFuture<ChannelHttpResponse> now(ChannelHttpResponse response) {
    return CompletableFuture.completedFuture(response);
  }

  /** Closes every session. */
  void closeAll() {
    List.copyOf(sessions.values()).forEach(PollingSession::close);
  }

  private ChannelHttpResponse handshake(ChannelRequest request, Map<String, String> cors) {
    String sid = SocketIoConnection.newId();
    PollingSession session = new PollingSession(sid, pollMillis, timer, () -> sessions.remove(sid));
    sessions.put(sid, session);
    session.attach(connections.apply(request, session));
    return new ChannelHttpResponse(200, TEXT, session.drain(), cors);
  }

  private CompletableFuture<ChannelHttpResponse> poll(
      PollingSession session, Map<String, String> cors) {
    Optional<CompletableFuture<String>> payload = session.poll();
    if (payload.isEmpty()) {
      session.close();
      return now(error(3, "Bad request", cors));
    }
    return CancellableStages.map(
        payload.get(), packets -> new ChannelHttpResponse(200, TEXT, packets, cors));
  }

  private ChannelHttpResponse post(PollingSession session, String body, Map<String, String> cors) {
    if (body.getBytes(StandardCharsets.UTF_8).length > SocketIoConnection.MAX_PAYLOAD) {
      session.close();
      return error(3, "Payload too large", cors);
    }
    session.receive(PollingPayload.decode(body));
    return new ChannelHttpResponse(200, "text/html; charset=UTF-8", "ok", cors);
  }

  /** Lets a browser page on another origin poll, as Engine.IO servers do. */
  private static Map<String, String> cors(ChannelRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request
        .header("origin")
        .ifPresent(
            origin -> {
              headers.put("Access-Control-Allow-Origin", origin);
              headers.put("Access-Control-Allow-Credentials", "true");
              headers.put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
              headers.put(
                  "Access-Control-Allow-Headers",
                  request.header("access-control-request-headers").orElse("content-type"));
              headers.put("Vary", "Origin");
            });
    return headers;
  }

  private static ChannelHttpResponse error(int code, String message, Map<String, String> cors) {
    return new ChannelHttpResponse(
        400, "application/json", "{\"code\":" + code + ",\"message\":\"" + message + "\"}", cors);
  }
}
