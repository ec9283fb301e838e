package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-turn conversations with the shipped demo bot, in English and Chinese, over HTTP. */
class DemoBotIT {

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void ordersASetMealInEnglishAndChangesTheSize() throws IOException {
    Conversation chat = new Conversation(server, "demo", "demo", "it-en-" + System.nanoTime());
    List<String> greeting = chat.say("hi there");
    assertFalse(greeting.isEmpty(), "greeting answered");
    assertEquals(
        "greet", chat.tracker().path("latest_message").path("intent").path("name").asText());

    chat.say("I'd like to order a chicken set meal");
    assertEquals("chicken", chat.slot("meal_kind"));
    assertEquals("order_form", chat.tracker().path("active_loop").path("name").asText());
    assertEquals("size", chat.slot("requested_slot"));

    chat.say("large please");
    assertEquals("large", chat.slot("size"));
    assertEquals("phone", chat.slot("requested_slot"));

    chat.say("13812345678");
    assertEquals("13812345678", chat.slot("phone"));

    List<String> confirmation = chat.say("12 Park Road, Springfield");
    assertEquals("12 Park Road, Springfield", chat.slot("address"));
    String confirm = String.join(" ", confirmation);
    assertTrue(confirm.contains("large") && confirm.contains("chicken"), confirm);
    assertTrue(chat.tracker().path("active_loop").path("name").isMissingNode());

    String changed = String.join(" ", chat.say("actually make it small"));
    assertEquals("small", chat.slot("size"));
    assertTrue(changed.contains("small"), "the confirmation shows the new size: " + changed);

    chat.say("yes");
    assertTrue(actions(chat.tracker()).contains("utter_order_placed"), "order placed");
  }

  @Test
  void ordersInChineseAndAnswersInChinese() throws IOException {
    Conversation chat = new Conversation(server, "demo", "demo", "it-zh-" + System.nanoTime());
    String greeting = String.join("", chat.say("你好"));
    assertTrue(
        greeting
            .codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
        "answers in Chinese: " + greeting);
    chat.say("我要一份牛肉套餐");
    assertEquals("牛肉", chat.slot("meal_kind"));
    chat.say("中份");
    chat.say("13812345678");
    String confirm = String.join("", chat.say("北京市朝阳区建国路1号"));
    assertTrue(confirm.contains("牛肉"), confirm);
    String changed = String.join("", chat.say("改成大份"));
    assertEquals("大份", chat.slot("size"));
    assertTrue(changed.contains("大份"), changed);
  }

  @Test
  void outOfScopeMessagesGetTheFallback() throws IOException {
    Conversation chat = new Conversation(server, "demo", "demo", "it-oos-" + System.nanoTime());
    chat.say("hello");
    List<String> reply = chat.say("what is the airspeed velocity of an unladen swallow");
    assertFalse(reply.isEmpty());
    JsonNode latest = chat.tracker().path("latest_message");
    assertEquals("nlu_fallback", latest.path("intent").path("name").asText(), latest.toString());
  }

  @Test
  void anotherDeviceSeesTheStateAndTheServerRestartLosesNothing() throws IOException {
    String sender = "it-restart-" + System.nanoTime();
    Conversation chat = new Conversation(server, "demo", "demo", sender);
    chat.say("I want a beef set meal");
    chat.say("medium");
    JsonNode state =
        ParleyServer.json(
            server.get("/api/tenants/demo/bots/demo/conversations/" + sender + "/state"));
    assertEquals("order_form", state.path("active_form").asText());
    assertEquals("phone", state.path("requested_slot").asText());
    assertEquals("medium", state.path("slots").path("size").asText());
    assertTrue(state.path("messages").size() >= 4, state.toString());
    int eventsBefore = chat.tracker().path("events").size();

    server.restart();

    Conversation again = new Conversation(server, "demo", "demo", sender);
    assertEquals("medium", again.slot("size"));
    assertEquals(eventsBefore, again.tracker().path("events").size());
    again.say("13812345678");
    assertEquals("13812345678", again.slot("phone"));
    assertEquals("address", again.slot("requested_slot"));
  }

  private static List<String> actions(JsonNode tracker) {
    List<String> names = new ArrayList<>();
    for (JsonNode event : tracker.path("events")) {
      if (event.path("event").asText().equals("action")) {
        names.add(event.path("name").asText());
      }
    }
    return names;
  }
}
