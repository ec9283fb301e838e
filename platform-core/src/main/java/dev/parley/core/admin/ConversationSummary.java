package dev.parley.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.turn.CoreActionNames;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the console's conversation list shows of a conversation, read from its (masked) events.
 *
 * @param firstMessage the first thing the user wrote
 * @param turns how many messages the user sent
 * @param lastIntent the intent of the user's last message
 * @param fellBack whether any turn ended in a fallback (the {@code nlu_fallback} intent or a
 *     fallback action)
 */
public record ConversationSummary(
    Optional<String> firstMessage, int turns, Optional<String> lastIntent, boolean fellBack) {

  static final String NLU_FALLBACK = "nlu_fallback";
  private static final Set<String> FALLBACK_ACTIONS =
      Set.of(
          CoreActionNames.DEFAULT_FALLBACK,
          CoreActionNames.TWO_STAGE_FALLBACK,
          CoreActionNames.ASK_AFFIRMATION,
          CoreActionNames.ASK_REPHRASE);

  /** The summary of a conversation's events (as the caller may see them). */
  public static ConversationSummary of(List<JsonNode> events) {
    String first = null;
    String lastIntent = null;
    int turns = 0;
    boolean fellBack = false;
    for (JsonNode event : events) {
      String type = event.path("event").asText();
      if (type.equals("user")) {
        turns++;
        if (first == null && event.hasNonNull("text")) {
          first = event.path("text").asText();
        }
        JsonNode intent = event.path("parse_data").path("intent").path("name");
        if (intent.isTextual()) {
          lastIntent = intent.asText();
          fellBack |= lastIntent.equals(NLU_FALLBACK);
        }
      } else if (type.equals("action")) {
        fellBack |= FALLBACK_ACTIONS.contains(event.path("name").asText());
      }
    }
    return new ConversationSummary(
        Optional.ofNullable(first), turns, Optional.ofNullable(lastIntent), fellBack);
  }
}
