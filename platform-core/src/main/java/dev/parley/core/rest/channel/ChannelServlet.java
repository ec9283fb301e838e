package dev.parley.core.rest.channel;

import dev.parley.core.ops.NoTraceServlet;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelRequest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The channels' traffic: {@code /channels/{tenant}/{bot}/{channel}/...} for a named bot, and the
 * root paths of the channels' sockets (e.g. {@code /socket.io/}) for the bot bound to Rasa's paths.
 * A WebSocket handshake at one of a channel's socket paths is upgraded to a {@link
 * ChannelSocketEndpoint}; any other request below {@code /channels/{tenant}/{bot}/{channel}/} goes
 * to the channel's {@link Channel#httpAsync}, and so does a plain HTTP request at a socket path at
 * the root (the bound bot's Engine.IO long-polling); an answer that waits holds no thread ({@link
 * ChannelAnswerWriter}). A bot that does not serve or does not turn the channel on in its {@code
 * credentials.yml} gets 404.
 */
public class ChannelServlet extends NoTraceServlet {

  /** Where the channels of named bots are served. */
  static final String BOT_ROOT = "/channels";

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    ChannelPlugins plugins = CDI.current().select(ChannelPlugins.class).get();
    ChannelBots bots = CDI.current().select(ChannelBots.class).get();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean named = path.startsWith(BOT_ROOT + "/");
    String[] parts = named ? path.substring(BOT_ROOT.length() + 1).split("/", 3) : new String[0];
    if (named && parts.length < 3) {
      notFound(response, "no channel at " + path);
      return;
    }
    Map<String, List<String>> headers = headers(request);
    String[] channelAndRest = named ? parts[2].split("/", 2) : new String[0];
    if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      Optional<String> channel = named ? Optional.of(channelAndRest[0]) : Optional.empty();
      String relative =
          named ? (channelAndRest.length > 1 ? channelAndRest[1] : "") : path.substring(1);
      for (Map.Entry<String, Channel> entry : plugins.all().entrySet()) {
        if (channel.isPresent() && !channel.get().equals(entry.getKey())) {
          continue;
        }
        for (String template : entry.getValue().socketPaths()) {
          Optional<Map<String, String>> parameters = ChannelPaths.match(template, relative);
          if (parameters.isPresent()) {
            Optional<ChannelBot> bot =
                named
                    ? bots.named(parts[0], parts[1], entry.getKey())
                    : bots.bound(request.getServerName(), request.getServerPort(), entry.getKey());
            if (bot.isEmpty()) {
              notFound(response, "no bot has the " + entry.getKey() + " channel here");
              return;
            }
            upgrade(
                request, response, entry.getKey(), template, bot.get(), parameters.get(), headers);
            return;
          }
        }
      }
      notFound(response, "no channel socket at " + path);
      return;
    }
    if (!named) {
      rootHttp(request, response, path.substring(1), headers, plugins, bots);
      return;
    }
    http(request, response, parts, channelAndRest, headers, plugins, bots);
  }

  private void http(
      HttpServletRequest request,
      HttpServletResponse response,
      String[] parts,
      String[] channelAndRest,
      Map<String, List<String>> headers,
      ChannelPlugins plugins,
      ChannelBots bots)
      throws IOException {
    Optional<Channel> channel = plugins.find(channelAndRest[0]);
    Optional<ChannelBot> bot =
        channel.flatMap(c -> bots.named(parts[0], parts[1], channelAndRest[0]));
    if (channel.isEmpty() || bot.isEmpty()) {
      notFound(response, "no bot has the " + channelAndRest[0] + " channel here");
      return;
    }
    ChannelRequest channelRequest =
        new ChannelRequest(
            bot.get(),
            request.getMethod(),
            channelAndRest.length > 1 ? channelAndRest[1] : "",
            Map.of(),
            query(request),
            headers);
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ChannelAnswerWriter.write(
        request,
        response,
        FirstChannelAnswer.ask(List.of(new ChannelHttpCall(channel.get(), channelRequest)), body),
        "the channel has nothing at this path");
  }

  /**
   * A plain HTTP request at one of a channel's socket paths at the root (e.g. Engine.IO's
   * long-polling at {@code /socket.io/}) goes to the channel's {@link Channel#httpAsync} for the
   * bot bound to Rasa's paths; the first channel with an answer gives it.
   */
  private void rootHttp(
      HttpServletRequest request,
      HttpServletResponse response,
      String relative,
      Map<String, List<String>> headers,
      ChannelPlugins plugins,
      ChannelBots bots)
      throws IOException {
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<ChannelHttpCall> calls = new ArrayList<>();
    for (Map.Entry<String, Channel> entry : plugins.all().entrySet()) {
      for (String template : entry.getValue().socketPaths()) {
        Optional<Map<String, String>> parameters = ChannelPaths.match(template, relative);
        Optional<ChannelBot> bot =
            parameters.flatMap(
                p -> bots.bound(request.getServerName(), request.getServerPort(), entry.getKey()));
        if (bot.isPresent()) {
          calls.add(
              new ChannelHttpCall(
                  entry.getValue(),
                  new ChannelRequest(
                      bot.get(),
                      request.getMethod(),
                      relative,
                      parameters.get(),
                      query(request),
                      headers)));
        }
      }
    }
    ChannelAnswerWriter.write(
        request,
        response,
        FirstChannelAnswer.ask(calls, body),
        "this path takes WebSocket connections only");
  }

  private void upgrade(
      HttpServletRequest request,
      HttpServletResponse response,
      String channel,
      String template,
      ChannelBot bot,
      Map<String, String> parameters,
      Map<String, List<String>> headers)
      throws IOException, ServletException {
    Object attribute = getServletContext().getAttribute(ServerContainer.class.getName());
    if (!(attribute instanceof ServerContainer container)) {
      response.sendError(501, "this server has no WebSocket support");
      return;
    }
    ServerEndpointConfig config =
        ServerEndpointConfig.Builder.create(ChannelSocketEndpoint.class, "/" + template).build();
    Map<String, Object> properties = config.getUserProperties();
    properties.put(ChannelSocketEndpoint.CHANNEL, channel);
    properties.put(ChannelSocketEndpoint.SOCKET_PATH, template);
    properties.put(ChannelSocketEndpoint.BOT, bot);
    properties.put(ChannelSocketEndpoint.PATH_PARAMETERS, Map.copyOf(parameters));
    properties.put(ChannelSocketEndpoint.QUERY, query(request));
    properties.put(ChannelSocketEndpoint.HEADERS, headers);
    try {
      container.upgradeHttpToWebSocket(request, response, config, parameters);
    } catch (DeploymentException e) {
      throw new ServletException("cannot open the channel's WebSocket", e);
    }
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
    }
    return Map.copyOf(headers);
  }

  private static Map<String, List<String>> query(HttpServletRequest request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.getParameterMap().forEach((name, values) -> query.put(name, List.of(values)));
    return Map.copyOf(query);
  }

  private static void notFound(HttpServletResponse response, String why) throws IOException {
    ChannelAnswerWriter.notFound(response, why);
  }
}
