package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotFillerTest {

  private static Tracker tracker() {
    return Tracker.fromStored(
        new ConversationKey("t", "b", "s"), TestDomains.food().slots(), List.of());
  }

  private static UserUttered message(String text, String intent, Entity... entities) {
    IntentPrediction prediction = new IntentPrediction(intent, 1);
    return new UserUttered(
        text,
        new ParseResult(text, prediction, List.of(prediction), List.of(entities)),
        "rest",
        "m",
        1,
        null);
  }

  @Test
  void fillsFromEntities() {
    Tracker tracker = tracker();
    tracker.append(
        message(
            "large chicken",
            "inform",
            Entity.of("size", "large", 0, 5, 1, "x"),
            Entity.of("meal_kind", "chicken", 6, 13, 1, "x")));
    List<SlotSet> events = SlotFiller.extract(tracker, TestDomains.food());
    assertEquals(2, events.size());
    assertEquals("meal_kind", events.get(0).name());
    assertEquals("chicken", events.get(0).value());
    assertEquals("large", events.get(1).value());
  }

  @Test
  void aNewValueReplacesTheOldOneAndAnUnchangedValueMakesNoEvent() {
    Tracker tracker = tracker();
    tracker.append(SlotSet.of("size", "large"));
    tracker.append(message("make it small", "inform", Entity.of("size", "small", 8, 13, 1, "x")));
    assertEquals("small", SlotFiller.extract(tracker, TestDomains.food()).get(0).value());
    tracker.append(message("large", "inform", Entity.of("size", "large", 0, 5, 1, "x")));
    tracker.append(SlotSet.of("size", "large"));
    tracker.append(message("large", "inform", Entity.of("size", "large", 0, 5, 1, "x")));
    assertTrue(SlotFiller.extract(tracker, TestDomains.food()).isEmpty());
  }

  @Test
  void fromTextOnlyWhenTheFormAsksForTheSlot() {
    Tracker tracker = tracker();
    tracker.append(message("12 Park Road", "inform"));
    assertTrue(SlotFiller.extract(tracker, TestDomains.food()).isEmpty(), "no form active");
    tracker.append(ActiveLoop.of("order_form"));
    tracker.append(SlotSet.of("requested_slot", "size"));
    tracker.append(message("12 Park Road", "inform"));
    assertTrue(SlotFiller.extract(tracker, TestDomains.food()).isEmpty(), "other slot requested");
    tracker.append(SlotSet.of("requested_slot", "address"));
    tracker.append(message("12 Park Road", "inform"));
    List<SlotSet> events = SlotFiller.extract(tracker, TestDomains.food());
    assertEquals(List.of("address"), events.stream().map(SlotSet::name).toList());
    assertEquals("12 Park Road", events.get(0).value());
  }
}
