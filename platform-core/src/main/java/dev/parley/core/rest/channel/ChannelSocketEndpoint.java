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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection of a channel plugin: finds the bot (from the path, or the bot bound to
 * Rasa's paths at the root), checks that its {@code credentials.yml} turns the channel on, and
 * hands the connection's frames to the channel. Refused connections are closed with 1008.
 */
public class ChannelSocketEndpoint extends Endpoint {

  static final String CHANNEL = "parley.channel";
  static final String SOCKET_PATH = "parley.channel.path";
  static final String HEADERS = "parley.channel.headers";
  private static final String LISTENER = "parley.channel.listener";
  private static final int MAX_FRAME_CHARS = 1_000_000;
  private static final Logger LOG = Logger.getLogger(ChannelSocketEndpoint.class.getName());

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    String channelId = (String) config.getUserProperties().get(CHANNEL);
    String socketPath = (String) config.getUserProperties().get(SOCKET_PATH);
    @SuppressWarnings("unchecked")
    Map<String, List<String>> headers =
        (Map<String, List<String>>)
            session.getUserProperties().getOrDefault(HEADERS, Map.<String, List<String>>of());
    ChannelPlugins plugins = CDI.current().select(ChannelPlugins.class).get();
    Optional<Channel> channel = plugins.find(channelId);
    Optional<ChannelBot> bot = bot(session, headers, channelId);
    if (channel.isEmpty() || bot.isEmpty()) {
      refuse(session, "no bot has the " + channelId + " channel here");
      return;
    }
    Map<String, String> parameters = new HashMap<>(session.getPathParameters());
    parameters.remove("tenant");
    parameters.remove("bot");
    ChannelRequest request =
        new ChannelRequest(
            bot.get(), "GET", socketPath, parameters, session.getRequestParameterMap(), headers);
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

  private static Optional<ChannelBot> bot(
      Session session, Map<String, List<String>> headers, String channelId) {
    ChannelBots bots = CDI.current().select(ChannelBots.class).get();
    Map<String, String> path = session.getPathParameters();
    if (path.containsKey("tenant") && path.containsKey("bot")) {
      return bots.named(path.get("tenant"), path.get("bot"), channelId);
    }
    String host = headers.getOrDefault("host", List.of("")).stream().findFirst().orElse("");
    int colon = host.lastIndexOf(':');
    int port = -1;
    if (colon > 0 && host.indexOf(']', colon) < 0) {
      try {
        port = Integer.parseInt(host.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      host = host.substring(0, colon);
    }
    return bots.bound(host, port, channelId);
  }

  private static void refuse(Session session, String why) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a refused channel WebSocket failed", e);
    }
  }
}
