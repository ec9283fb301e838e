package dev.parley.plugins.channel.directline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.channel.Channel;
import dev.parley.plugin.channel.ChannelHost;
import dev.parley.plugin.channel.ChannelHttpResponse;
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
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Direct Line 3.0, the part Web Chat and {@code botframework-directlinejs} use: {@code POST
 * conversations} and {@code tokens/generate|refresh}, {@code GET conversations/{id}}, {@code POST
 * conversations/{id}/activities} (runs the turn), {@code GET conversations/{id}/activities
 * ?watermark=} and the stream at {@code conversations/{id}/stream?t=<token>}. The conversation id
 * is the sender, so the conversation continues over REST with that sender.
 */
final class DirectLineChannel implements Channel {

  static final String BASE = "v3/directline/";
  private static final Pattern CONVERSATION =
      Pattern.compile("v3/directline/conversations/([^/]+)(/activities)?/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChannelHost host;
  private final DirectLineConversations conversations;

  DirectLineChannel(ChannelHost host, DirectLineConversations conversations) {
    this.host = host;
    this.conversations = conversations;
  }

  @Override
  public List<String> socketPaths() {
    return List.of(BASE + "conversations/{conversationId}/stream");
  }

  @Override
  public Optional<SocketListener> open(ChannelRequest request, ChannelSocket socket) {
    String botKey = botKey(request);
    Optional<DirectLineConversation> conversation =
        conversations
            .find(botKey, request.pathParameters().getOrDefault("conversationId", ""))
            .filter(
                c ->
                    request.queryParameter("t").filter(c.token()::equals).isPresent()
                        || bearer(request).filter(c.token()::equals).isPresent());
    if (conversation.isEmpty()) {
      return Optional.empty();
    }
    int watermark = request.queryParameter("watermark").map(DirectLineChannel::number).orElse(0);
    conversation.get().addStream(socket, watermark, DirectLineChannel::frame);
    return Optional.of(
        new SocketListener() {
          @Override
          public void onText(String text) {
            // Direct Line streams carry nothing from the client.
          }

          @Override
          public void onClose() {
            conversation.get().removeStream(socket);
          }
        });
  }

  /**
   * Answers a Direct Line request. Pages on any origin may call (as Web Chat embedded in a site
   * does): the credentials are bearer tokens, never cookies, so every answer allows any origin and
   * a preflight ({@code OPTIONS}) below {@code v3/directline/} is answered with 204.
   */
  @Override
  public Optional<ChannelHttpResponse> http(ChannelRequest request, String body) {
    if ("OPTIONS".equals(request.method()) && request.path().startsWith(BASE)) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Access-Control-Allow-Origin", "*");
      headers.put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      headers.put(
          "Access-Control-Allow-Headers",
          request.header("access-control-request-headers").orElse("authorization, content-type"));
      headers.put("Access-Control-Max-Age", "600");
      return Optional.of(new ChannelHttpResponse(204, "text/plain; charset=UTF-8", "", headers));
    }
    return answer(request, body)
        .map(
            answer -> {
              Map<String, String> headers = new LinkedHashMap<>(answer.headers());
              headers.put("Access-Control-Allow-Origin", "*");
              return new ChannelHttpResponse(
                  answer.status(), answer.contentType(), answer.body(), headers);
            });
  }

  private Optional<ChannelHttpResponse> answer(ChannelRequest request, String body) {
    String path = request.path();
    String method = request.method();
    if ("POST".equals(method)
        && (path.equals(BASE + "conversations") || path.equals(BASE + "tokens/generate"))) {
      return Optional.of(start(request, path.endsWith("generate")));
    }
    if ("POST".equals(method) && path.equals(BASE + "tokens/refresh")) {
      return Optional.of(
          authorized(request, Optional.empty())
              .map(c -> ChannelHttpResponse.json(200, json(session(request, c, false))))
              .orElseGet(DirectLineChannel::forbidden));
    }
    Matcher matcher = CONVERSATION.matcher(path);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Optional<DirectLineConversation> conversation =
        authorized(request, Optional.of(matcher.group(1)));
    if (conversation.isEmpty()) {
      return Optional.of(forbidden());
    }
    boolean activities = matcher.group(2) != null;
    if (!activities && "GET".equals(method)) {
      return Optional.of(
          ChannelHttpResponse.json(200, json(session(request, conversation.get(), true))));
    }
    if (activities && "GET".equals(method)) {
      int watermark = request.queryParameter("watermark").map(DirectLineChannel::number).orElse(0);
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("activities", conversation.get().after(watermark));
      page.put("watermark", String.valueOf(conversation.get().watermark()));
      return Optional.of(ChannelHttpResponse.json(200, json(page)));
    }
    if (activities && "POST".equals(method)) {
      return Optional.of(post(request, conversation.get(), body));
    }
    return Optional.of(error(405, "BadArgument", "method not allowed"));
  }

  private ChannelHttpResponse start(ChannelRequest request, boolean tokenOnly) {
    Optional<String> credential = bearer(request);
    Optional<DirectLineConversation> existing =
        credential.flatMap(token -> conversations.byToken(botKey(request), token));
    if (existing.isPresent() && !tokenOnly) {
      return ChannelHttpResponse.json(200, json(session(request, existing.get(), true)));
    }
    DirectLineConversation conversation =
        conversations.start(botKey(request), credential.map(key -> "Bearer " + key));
    return ChannelHttpResponse.json(
        tokenOnly ? 200 : 201, json(session(request, conversation, !tokenOnly)));
  }

  private ChannelHttpResponse post(
      ChannelRequest request, DirectLineConversation conversation, String body) {
    JsonNode activity;
    try {
      activity = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return error(400, "BadArgument", "the activity is not JSON");
    }
    if (activity == null || !activity.isObject()) {
      return error(400, "BadArgument", "the activity must be a JSON object");
    }
    String type = activity.path("type").asText("message");
    Map<String, Object> echoed = DirectLineActivities.fromUser(activity, conversation.id());
    conversation.publish(new ArrayList<>(List.of(echoed)), DirectLineChannel::frame);
    String userActivityId = (String) echoed.get("id");
    Optional<String> text = DirectLineActivities.text(activity);
    if (!"message".equals(type) || text.isEmpty()) {
      return ChannelHttpResponse.json(200, json(Map.of("id", userActivityId)));
    }
    ChannelTurn turn =
        new ChannelTurn(
            conversation.id(),
            text.get(),
            Optional.of(userActivityId),
            DirectLineActivities.metadata(activity),
            conversation.authorization());
    List<OutgoingMessage> replies;
    try {
      replies = host.run(request.bot(), turn).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof TurnRefusedException refused) {
        return error(refused.status(), refused.reason(), refused.getMessage());
      }
      throw e;
    }
    List<Map<String, Object>> sent = new ArrayList<>();
    for (OutgoingMessage reply : replies) {
      sent.add(
          DirectLineActivities.fromBot(
              reply, request.bot().bot(), conversation.id(), userActivityId));
    }
    conversation.publish(sent, DirectLineChannel::frame);
    return ChannelHttpResponse.json(200, json(Map.of("id", userActivityId)));
  }

  private static String frame(List<Map<String, Object>> activities, int watermark) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("activities", activities);
    frame.put("watermark", String.valueOf(watermark));
    return json(frame);
  }

  private Optional<DirectLineConversation> authorized(ChannelRequest request, Optional<String> id) {
    Optional<String> credential = bearer(request);
    if (credential.isEmpty()) {
      return Optional.empty();
    }
    Optional<DirectLineConversation> byToken =
        conversations.byToken(botKey(request), credential.get());
    if (byToken.isPresent()) {
      return byToken.filter(c -> id.isEmpty() || id.get().equals(c.id()));
    }
    // The bot's key (Direct Line's "secret") may read and write any of the bot's conversations.
    return id.flatMap(value -> conversations.find(botKey(request), value))
        .filter(c -> c.authorization().equals(Optional.of("Bearer " + credential.get())));
  }

  private static Map<String, Object> session(
      ChannelRequest request, DirectLineConversation conversation, boolean withStream) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("conversationId", conversation.id());
    session.put("token", conversation.token());
    session.put("expires_in", DirectLineConversations.IDLE_MILLIS / 1000);
    if (withStream) {
      session.put("streamUrl", streamUrl(request, conversation));
    }
    return session;
  }

  private static String streamUrl(ChannelRequest request, DirectLineConversation conversation) {
    boolean secure =
        request.header("x-forwarded-proto").map("https"::equalsIgnoreCase).orElse(false);
    String host =
        request.header("x-forwarded-host").or(() -> request.header("host")).orElse("localhost");
    return (secure ? "wss://" : "ws://")
        + host
        + "/channels/"
        + request.bot().tenant()
        + "/"
        + request.bot().bot()
        + "/"
        + DirectLineChannelFactory.ID
        + "/"
        + BASE
        + "conversations/"
        + conversation.id()
        + "/stream?t="
        + conversation.token();
  }

  private static Optional<String> bearer(ChannelRequest request) {
    return request
        .header("authorization")
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(value -> value.substring(7).trim())
        .filter(value -> !value.isEmpty());
  }

  private static String botKey(ChannelRequest request) {
    return request.bot().tenant() + "/" + request.bot().bot();
  }

  private static int number(String text) {
    try {
      return Math.max(0, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static ChannelHttpResponse forbidden() {
    return error(403, "BadArgument", "unknown conversation or token");
  }

  private static ChannelHttpResponse error(int status, String code, String message) {
    return ChannelHttpResponse.json(
        status, json(Map.of("error", Map.of("code", code, "message", String.valueOf(message)))));
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Direct Line answer", e);
    }
  }
}
