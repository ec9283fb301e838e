package dev.parley.core.rest.channel;

import dev.parley.plugin.channel.Channel;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Registers the channels' WebSocket paths when the application starts: each below {@code
 * /channels/{tenant}/{bot}/} and, for the bot bound to Rasa's paths, at the root (e.g. {@code
 * /socket.io/}).
 */
@WebListener
public class ChannelSocketRegistrar implements ServletContextListener {

  /** Where a bot's channel paths start. */
  public static final String BOT_ROOT = "/channels/{tenant}/{bot}/";

  private static final Logger LOG = Logger.getLogger(ChannelSocketRegistrar.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Object attribute = event.getServletContext().getAttribute(ServerContainer.class.getName());
    if (!(attribute instanceof ServerContainer container)) {
      LOG.warning("the server has no WebSocket support; channels that need one are off");
      return;
    }
    Map<String, Channel> channels = CDI.current().select(ChannelPlugins.class).get().all();
    channels.forEach(
        (id, channel) -> {
          for (String path : channel.socketPaths()) {
            register(container, BOT_ROOT + path, id, path);
            register(container, "/" + path, id, path);
          }
        });
  }

  private static void register(ServerContainer container, String path, String id, String relative) {
    ServerEndpointConfig config =
        ServerEndpointConfig.Builder.create(ChannelSocketEndpoint.class, path)
            .configurator(new HeaderKeeper())
            .build();
    config.getUserProperties().put(ChannelSocketEndpoint.CHANNEL, id);
    config.getUserProperties().put(ChannelSocketEndpoint.SOCKET_PATH, relative);
    try {
      container.addEndpoint(config);
      LOG.info(() -> "Channel " + id + " listens at " + path);
    } catch (DeploymentException e) {
      LOG.warning(() -> "Channel " + id + " cannot listen at " + path + ": " + e.getMessage());
    }
  }

  /** Keeps the handshake's headers (names in lower case) for the connection. */
  static final class HeaderKeeper extends ServerEndpointConfig.Configurator {
    @Override
    public void modifyHandshake(
        ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      request
          .getHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      config.getUserProperties().put(ChannelSocketEndpoint.HEADERS, Map.copyOf(headers));
    }
  }
}
