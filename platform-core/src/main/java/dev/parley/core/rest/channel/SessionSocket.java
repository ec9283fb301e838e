package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.ChannelSocket;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A channel's view of a WebSocket session: frames are sent one at a time. */
final class SessionSocket implements ChannelSocket {

  private static final Logger LOG = Logger.getLogger(SessionSocket.class.getName());

  private final Session session;

  SessionSocket(Session session) {
    this.session = session;
  }

  @Override
  public String id() {
    return session.getId();
  }

  @Override
  public void send(String text) {
    synchronized (session) {
      if (!session.isOpen()) {
        return;
      }
      try {
        session.getBasicRemote().sendText(text);
      } catch (IOException | IllegalStateException e) {
        LOG.log(Level.FINE, "sending on channel WebSocket " + session.getId() + " failed", e);
      }
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing channel WebSocket " + session.getId() + " failed", e);
    }
  }

  @Override
  public boolean isOpen() {
    return session.isOpen();
  }
}
