package dev.parley.plugins.channel.socketio;

import dev.parley.plugin.channel.OutgoingMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bot's messages in the shapes Rasa's socket.io output channel emits: text as {@code {"text"}},
 * buttons as {@code quick_replies}, images as an image attachment, custom JSON as it is.
 */
final class RasaMessages {

  private RasaMessages() {}

  /** The payloads to emit for one bot message, in order. */
  static List<Map<String, Object>> payloads(OutgoingMessage message) {
    List<Map<String, Object>> payloads = new ArrayList<>();
    if (!message.buttons().isEmpty()) {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("text", message.text().orElse(""));
      payload.put(
          "quick_replies",
          message.buttons().stream()
              .map(
                  button -> {
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("content_type", "text");
                    reply.put("title", button.title());
                    reply.put("payload", button.payload());
                    return reply;
                  })
              .toList());
      payloads.add(payload);
    } else {
      message.text().ifPresent(text -> payloads.add(Map.of("text", text)));
    }
    message
        .image()
        .ifPresent(
            image -> {
              Map<String, Object> attachment = new LinkedHashMap<>();
              attachment.put("type", "image");
              attachment.put("payload", Map.of("src", image));
              payloads.add(Map.of("attachment", attachment));
            });
    if (!message.custom().isEmpty()) {
      payloads.add(message.custom());
    }
    return payloads;
  }
}
