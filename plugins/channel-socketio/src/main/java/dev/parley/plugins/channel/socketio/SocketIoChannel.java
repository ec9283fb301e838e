package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.SocketListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The socket.io channel: accepts Engine.IO 4 connections at {@code socket.io/}, over a WebSocket or
 * over HTTP long-polling ({@link PollingTransport}) with the upgrade to a WebSocket ({@link
 * UpgradeListener}), and runs one {@link SocketIoConnection} per connection; one timer thread pings
 * them all and ends the long-polling GETs that waited long enough (no thread waits with a GET).
 */
final class SocketIoChannel implements Channel {

  private static final String PATH = "socket.io/";

  private final ChannelHost host;
  private final Heartbeat heartbeat;
  private final PollingTransport polling;
  private final ScheduledThreadPoolExecutor timer =
      new ScheduledThreadPoolExecutor(
          1,
          runnable -> {
            Thread thread = new Thread(runnable, "parley-socketio-timer");
            thread.setDaemon(true);
            return thread;
          });

  SocketIoChannel(ChannelHost host, Heartbeat heartbeat) {
    this.host = host;
    this.heartbeat = heartbeat;
    timer.setRemoveOnCancelPolicy(true);
    this.polling =
        new PollingTransport(
            (request, session) -> start(request, session, session.id(), List.of("websocket")),
            heartbeat.intervalMillis() + heartbeat.timeoutMillis() / 2,
            timer);
  }

  @Override
  public List<String> socketPaths() {
    return List.of(PATH);
  }

  @Override
  public Optional<SocketListener> open(ChannelRequest request, ChannelSocket socket) {
    boolean engineIo4 = request.queryParameter("EIO").filter("4"::equals).isPresent();
    boolean websocket = request.queryParameter("transport").filter("websocket"::equals).isPresent();
    if (!engineIo4 || !websocket) {
      return Optional.empty();
    }
    Optional<String> sid = request.queryParameter("sid");
    if (sid.isPresent()) {
      return polling
          .session(sid.get())
          .filter(session -> !session.upgraded())
          .map(session -> new UpgradeListener(session, socket));
    }
    return Optional.of(start(request, socket, SocketIoConnection.newId(), List.of()));
  }

  /** Engine.IO's long-polling; a GET that waits for packets holds no thread. */
  @Override
  public CompletionStage<Optional<ChannelHttpResponse>> httpAsync(
      ChannelRequest request, String body) {
    if (!PATH.equals(request.path()) && !"socket.io".equals(request.path())) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return CancellableStages.map(polling.handle(request, body), Optional::of);
  }

  /** {@link #httpAsync}, waited for on the calling thread. */
  @Override
  public Optional<ChannelHttpResponse> http(ChannelRequest request, String body) {
    return httpAsync(request, body).toCompletableFuture().join();
  }

  private SocketIoConnection start(
      ChannelRequest request, ChannelSocket socket, String engineId, List<String> upgrades) {
    SocketIoConnection connection =
        new SocketIoConnection(
            host, request, socket, RasaSettings.of(request.bot()), heartbeat, engineId, upgrades);
    connection.start();
    var beat =
        timer.scheduleAtFixedRate(
            connection::heartbeat,
            heartbeat.intervalMillis(),
            heartbeat.intervalMillis(),
            TimeUnit.MILLISECONDS);
    connection.onEnd(() -> beat.cancel(false));
    return connection;
  }

  @Override
  public void close() {
    polling.closeAll();
    timer.shutdownNow();
  }
}
