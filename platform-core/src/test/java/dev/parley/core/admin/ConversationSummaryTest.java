package dev.parley.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationSummaryTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode event(String json) throws Exception {
    return MAPPER.readTree(json.replace('\'', '"'));
  }

  private static JsonNode user(String text, String intent) throws Exception {
    return event(
        "{'event':'user','text':'"
            + text
            + "','parse_data':{'intent':{'name':'"
            + intent
            + "','confidence':0.9}}}");
  }

  @Test
  void firstMessageTurnsAndLastIntent() throws Exception {
    List<JsonNode> events =
        List.of(
            event("{'event':'action','name':'action_session_start'}"),
            user("hi", "greet"),
            event("{'event':'bot','text':'Hey!'}"),
            user("I am sad", "mood_unhappy"));
    assertEquals(
        new ConversationSummary(Optional.of("hi"), 2, Optional.of("mood_unhappy"), false),
        ConversationSummary.of(events));
  }

  @Test
  void aFallbackIntentOrActionCounts() throws Exception {
    assertEquals(true, ConversationSummary.of(List.of(user("asdf", "nlu_fallback"))).fellBack());
    assertEquals(
        true,
        ConversationSummary.of(
                List.of(
                    user("asdf", "greet"),
                    event("{'event':'action','name':'action_default_fallback'}")))
            .fellBack());
  }

  @Test
  void aConversationWithoutMessages() {
    assertEquals(
        new ConversationSummary(Optional.empty(), 0, Optional.empty(), false),
        ConversationSummary.of(List.of()));
  }
}
