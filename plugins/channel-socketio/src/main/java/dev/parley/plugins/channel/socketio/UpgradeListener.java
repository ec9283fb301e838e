package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.ChannelSocket;
import dev.parley.plugin.channel.SocketListener;
import java.util.List;

/**
 * A WebSocket opened with the sid of a {@link PollingSession}: answers the client's {@code 2probe}
 * with {@code 3probe}, moves the session onto the WebSocket at the client's upgrade packet ({@code
 * 5}), and from then on hands the frames to the session's connection.
 */
final class UpgradeListener implements SocketListener {

  private final PollingSession session;
  private final ChannelSocket socket;
  private volatile boolean upgraded;

  UpgradeListener(PollingSession session, ChannelSocket socket) {
    this.session = session;
    this.socket = socket;
  }

  @Override
  public void onText(String text) {
    if (upgraded) {
      session.receive(List.of(text));
    } else if ("2probe".equals(text)) {
      socket.send("3probe");
      session.probe();
    } else if ("5".equals(text)) {
      session.upgrade(socket);
      upgraded = true;
    }
  }

  @Override
  public void onClose() {
    if (upgraded) {
      session.close();
    } else {
      session.abandonProbe();
    }
  }
}
