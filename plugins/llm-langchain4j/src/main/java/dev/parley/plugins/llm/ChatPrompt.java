package dev.parley.plugins.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.parley.plugin.response.MemoryEntry;
import dev.parley.plugin.response.ResponseRequest;
import java.util.List;
import java.util.Map;

/**
 * Builds the two chat messages sent to the model: a system message with the rephrasing rules and
 * the bot's instructions, and a user message with the known slots, the recent conversation and the
 * response to rephrase (always last, after the marker {@value #RESPONSE_MARKER}).
 */
final class ChatPrompt {

  /** Precedes the template text in the user message. */
  static final String RESPONSE_MARKER = "Response to rephrase:";

  private static final String RULES =
      "You rephrase a chatbot's next reply so that it sounds natural in this conversation. "
          + "Keep its meaning and every fact in it. Do not add offers, facts or promises. "
          + "If it asks a question, your reply must ask the same question. "
          + "Do not say goodbye and do not claim that anything is finished unless the reply does. "
          + "Answer with the rephrased reply only, in the language of the reply.";

  private ChatPrompt() {}

  static List<ChatMessage> messages(ResponseRequest request) {
    StringBuilder system = new StringBuilder(RULES);
    if (!request.instructions().isBlank()) {
      system.append("\n\nThe bot's instructions:\n").append(request.instructions().strip());
    }
    return List.of(SystemMessage.from(system.toString()), UserMessage.from(userText(request)));
  }

  private static String userText(ResponseRequest request) {
    StringBuilder text = new StringBuilder();
    if (!request.slots().isEmpty()) {
      text.append("What is known so far (slots):\n");
      for (Map.Entry<String, Object> slot : request.slots().entrySet()) {
        text.append("- ").append(slot.getKey()).append(": ").append(slot.getValue()).append('\n');
      }
      text.append('\n');
    }
    if (!request.memory().isEmpty()) {
      text.append("Recent conversation:\n");
      for (MemoryEntry entry : request.memory()) {
        text.append(line(entry)).append('\n');
      }
      text.append('\n');
    }
    request
        .requestedSlot()
        .ifPresent(
            slot ->
                text.append("The reply must still ask the user for: ").append(slot).append("\n\n"));
    text.append(RESPONSE_MARKER).append('\n').append(request.templateText());
    return text.toString();
  }

  private static String line(MemoryEntry entry) {
    return switch (entry.role()) {
      case USER -> "User: " + entry.text();
      case BOT -> "Bot: " + entry.text();
      case SLOT -> "(slot " + entry.text() + ")";
    };
  }
}
