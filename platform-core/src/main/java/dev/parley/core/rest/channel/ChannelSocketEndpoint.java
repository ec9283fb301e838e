package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.SocketListener;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection of a channel plugin, upgraded by {@link ChannelServlet} (which found the
 * bot and the channel and put them into this connection's own endpoint configuration): hands the
 * connection's frames to the channel. A connection the channel refuses is closed with 1008.
 */
public class ChannelSocketEndpoint extends Endpoint {

  static final String CHANNEL = "parley.channel";
  static final String SOCKET_PATH = "parley.channel.path";
  static final String BOT = "parley.channel.bot";
  static final String PATH_PARAMETERS = "parley.channel.parameters";
  static final String QUERY = "parley.channel.query";
  static final String HEADERS = "parley.channel.headers";
  private static final String LISTENER = "parley.channel.listener";
  private static final int MAX_FRAME_CHARS = 1_000_000;
  private static final Logger LOG = Logger.getLogger(ChannelSocketEndpoint.class.getName());

  @Override
  @SuppressWarnings("unchecked")
  public void onOpen(Session session, EndpointConfig config) {
    Map<String, Object> properties = config.getUserProperties();
    String channelId = (String) properties.get(CHANNEL);
    Optional<Channel> channel = CDI.current().select(ChannelPlugins.class).get().find(channelId);
    if (channel.isEmpty()) {
      refuse(session, "no channel " + channelId);
      return;
    }
    ChannelRequest request =
        new ChannelRequest(
            (ChannelBot) properties.get(BOT),
            "GET",
            (String) properties.get(SOCKET_PATH),
            (Map<String, String>) properties.get(PATH_PARAMETERS),
            (Map<String, List<String>>) properties.get(QUERY),
            (Map<String, List<String>>) properties.get(HEADERS));
    session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
    Optional<SocketListener> listener = channel.get().open(request, new SessionSocket(session));
    if (listener.isEmpty()) {
      refuse(session, "the channel refused the connection");
      return;
    }
    session.getUserProperties().put(LISTENER, listener.get());
    session.addMessageHandler(
        String.class,
        new MessageHandler.Whole<String>() {
          @Override
          public void onMessage(String text) {
            listener.get().onText(text);
          }
        });
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    Object listener = session.getUserProperties().get(LISTENER);
    if (listener instanceof SocketListener socketListener) {
      socketListener.onClose();
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    LOG.log(Level.FINE, "channel WebSocket " + session.getId() + " failed", error);
  }

  private static void refuse(Session session, String why) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a refused channel WebSocket failed", e);
    }
  }
}
