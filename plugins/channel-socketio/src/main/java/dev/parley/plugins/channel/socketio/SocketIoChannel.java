package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.SocketListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The socket.io channel: accepts Engine.IO 4 WebSocket connections at {@code socket.io/} and runs
 * one {@link SocketIoConnection} per connection; one timer thread pings them all.
 */
final class SocketIoChannel implements Channel {

  private final ChannelHost host;
  private final Heartbeat heartbeat;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "parley-socketio-heartbeat");
            thread.setDaemon(true);
            return thread;
          });

  SocketIoChannel(ChannelHost host, Heartbeat heartbeat) {
    this.host = host;
    this.heartbeat = heartbeat;
  }

  @Override
  public List<String> socketPaths() {
    return List.of("socket.io/");
  }

  @Override
  public Optional<SocketListener> open(ChannelRequest request, ChannelSocket socket) {
    boolean engineIo4 = request.queryParameter("EIO").filter("4"::equals).isPresent();
    boolean websocket = request.queryParameter("transport").filter("websocket"::equals).isPresent();
    if (!engineIo4 || !websocket) {
      return Optional.empty();
    }
    SocketIoConnection connection =
        new SocketIoConnection(host, request, socket, RasaSettings.of(request.bot()), heartbeat);
    connection.start();
    var beat =
        timer.scheduleAtFixedRate(
            connection::heartbeat,
            heartbeat.intervalMillis(),
            heartbeat.intervalMillis(),
            TimeUnit.MILLISECONDS);
    connection.onEnd(() -> beat.cancel(false));
    return Optional.of(connection);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
