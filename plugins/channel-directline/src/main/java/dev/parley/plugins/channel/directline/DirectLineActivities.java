package dev.parley.plugins.channel.directline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.channel.OutgoingMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Activities in Bot Framework's shape: the user's as echoed on the stream, and the bot's messages
 * (text; buttons as {@code postBack} suggested actions; an image as an attachment; custom JSON as
 * the activity's {@code channelData}).
 */
final class DirectLineActivities {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DirectLineActivities() {}

  /** The user's activity as the conversation records it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fromUser(JsonNode activity, String conversationId) {
    Map<String, Object> echoed = JSON.convertValue(activity, LinkedHashMap.class);
    echoed.putIfAbsent("type", "message");
    echoed.put("channelId", DirectLineChannelFactory.ID);
    echoed.put("conversation", Map.of("id", conversationId));
    echoed.put("timestamp", Instant.now().toString());
    echoed.putIfAbsent("from", Map.of("id", "user", "role", "user"));
    return echoed;
  }

  /** What the user said: the text, or a button's value sent as {@code value}. */
  static Optional<String> text(JsonNode activity) {
    JsonNode text = activity.path("text");
    if (text.isTextual() && !text.asText().isEmpty()) {
      return Optional.of(text.asText());
    }
    JsonNode value = activity.path("value");
    return value.isTextual() && !value.asText().isEmpty()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** The activity's {@code channelData} as the message's metadata. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(JsonNode activity) {
    JsonNode data = activity.path("channelData");
    return data.isObject() ? JSON.convertValue(data, LinkedHashMap.class) : Map.of();
  }

  /** A bot message as an activity replying to the user's. */
  static Map<String, Object> fromBot(
      OutgoingMessage message, String botName, String conversationId, String replyToId) {
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("type", "message");
    activity.put("channelId", DirectLineChannelFactory.ID);
    activity.put("timestamp", Instant.now().toString());
    activity.put("from", Map.of("id", botName, "name", botName, "role", "bot"));
    activity.put("conversation", Map.of("id", conversationId));
    activity.put("replyToId", replyToId);
    message.text().ifPresent(text -> activity.put("text", text));
    if (!message.buttons().isEmpty()) {
      List<Map<String, Object>> actions =
          message.buttons().stream()
              .map(
                  button -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("type", "postBack");
                    action.put("title", button.title());
                    action.put("value", button.payload());
                    return action;
                  })
              .toList();
      activity.put("suggestedActions", Map.of("actions", actions));
    }
    message
        .image()
        .ifPresent(
            image ->
                activity.put(
                    "attachments", List.of(Map.of("contentType", "image/*", "contentUrl", image))));
    if (!message.custom().isEmpty()) {
      activity.put("channelData", message.custom());
    }
    return activity;
  }
}
