package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.conversation.SlotSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseRendererTest {

  private static Tracker tracker() {
    return Tracker.fromStored(
        new ConversationKey("t", "b", "s"), TestDomains.food().slots(), List.of());
  }

  @Test
  void aMatchingConditionalVariationWins() {
    Tracker tracker = tracker();
    tracker.append(SlotSet.of("language", "zh"));
    for (int i = 0; i < 20; i++) {
      assertEquals(
          "你好！",
          ResponseRenderer.render("utter_greet", TestDomains.food(), tracker, Map.of())
              .orElseThrow()
              .text());
    }
  }

  @Test
  void withoutAMatchingConditionTheDefaultIsUsed() {
    assertEquals(
        "Hello!",
        ResponseRenderer.render("utter_greet", TestDomains.food(), tracker(), Map.of())
            .orElseThrow()
            .text());
  }

  @Test
  void slotsAndArgumentsFillPlaceholders() {
    Tracker tracker = tracker();
    tracker.append(SlotSet.of("size", "large"));
    tracker.append(SlotSet.of("meal_kind", "chicken"));
    BotMessage message =
        ResponseRenderer.render(
                "utter_confirm", TestDomains.food(), tracker, Map.of("address", "Main St $1"))
            .orElseThrow();
    assertEquals("A large chicken to Main St $1?", message.text());
    assertEquals("utter_confirm", message.responseName());
    assertEquals("utter_confirm", message.toEvent().metadata().get("utter_action"));
  }

  @Test
  void unknownResponsesRenderNothing() {
    assertTrue(
        ResponseRenderer.render("utter_nothing", TestDomains.food(), tracker(), Map.of())
            .isEmpty());
    assertEquals("{unknown}", ResponseRenderer.fill("{unknown}", Map.of(), Map.of()));
  }
}
