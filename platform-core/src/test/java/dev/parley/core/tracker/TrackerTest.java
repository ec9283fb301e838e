package dev.parley.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.Restarted;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUtteranceReverted;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerTest {

  private static final ConversationKey KEY = new ConversationKey("t", "b", "s");

  private static UserUttered user(String text, String intent) {
    IntentPrediction prediction = new IntentPrediction(intent, 0.9);
    return new UserUttered(
        text,
        new ParseResult(text, prediction, List.of(prediction), List.of()),
        "rest",
        "m",
        1,
        null);
  }

  private static Tracker empty() {
    return Tracker.fromStored(KEY, TestDomains.food().slots(), List.of());
  }

  @Test
  void derivesSlotsLoopAndLatestMessage() {
    Tracker tracker = empty();
    tracker.append(user("a chicken meal", "order_meal"));
    tracker.append(SlotSet.of("meal_kind", "chicken"));
    tracker.append(ActionExecuted.of("order_form", "RulePolicy", 1.0));
    tracker.append(ActiveLoop.of("order_form"));
    assertEquals("chicken", tracker.slots().get("meal_kind"));
    assertEquals("order_form", tracker.activeLoop().orElseThrow());
    assertEquals("order_meal", tracker.latestMessage().orElseThrow().intentName());
    assertEquals("order_form", tracker.latestActionName().orElseThrow());
    assertTrue(tracker.slots().containsKey("size"), "unset slots are present");
    assertNull(tracker.slots().get("size"));
  }

  @Test
  void rewindUndoesTheLastUserMessageAndWhatFollowed() {
    Tracker tracker = empty();
    tracker.append(user("hi", "greet"));
    tracker.append(ActionExecuted.of("utter_greet", null, null));
    tracker.append(user("blah", "nlu_fallback"));
    tracker.append(SlotSet.of("size", "large"));
    tracker.append(UserUtteranceReverted.now());
    assertEquals("greet", tracker.latestMessage().orElseThrow().intentName());
    assertNull(tracker.slots().get("size"));
    assertEquals(5, tracker.allEvents().size(), "the log keeps everything");
    assertEquals(2, tracker.events().size());
  }

  @Test
  void restartForgetsTheStateButNotTheLog() {
    Tracker tracker = empty();
    tracker.append(SlotSet.of("size", "large"));
    tracker.append(Restarted.now());
    assertNull(tracker.slots().get("size"));
    assertTrue(tracker.events().isEmpty());
    assertEquals(2, tracker.allEvents().size());
  }

  @Test
  void aCopyIsIndependentAndTracksWhatIsUnpersisted() {
    Tracker stored =
        Tracker.fromStored(
            KEY, TestDomains.food().slots(), List.<Event>of(SlotSet.of("size", "s")));
    Tracker copy = stored.copy();
    copy.append(SlotSet.of("size", "large"));
    assertEquals("s", stored.slots().get("size"));
    assertEquals("large", copy.slots().get("size"));
    assertEquals(1, copy.unpersistedEvents().size());
    assertEquals(1, copy.persistedCount());
    copy.markPersisted();
    assertTrue(copy.unpersistedEvents().isEmpty());
    assertFalse(stored.allEvents().size() == copy.allEvents().size());
  }

  @Test
  void aCompactedTrackerHasTheSameStateAndSequenceAndGoesOnTheSame() {
    Tracker whole = empty();
    for (int turn = 0; turn < 40; turn++) {
      whole.append(user("turn " + turn, turn % 2 == 0 ? "order_meal" : "inform"));
      whole.append(SlotSet.of("meal_kind", turn % 3 == 0 ? "beef" : "chicken"));
      whole.append(ActionExecuted.of("order_form", "RulePolicy", 1.0));
      whole.append(ActiveLoop.of("order_form"));
      whole.append(ActionExecuted.of("action_listen", "RulePolicy", 1.0));
    }
    whole.markPersisted();
    assertTrue(whole.compacted(500, 10).isEmpty(), "small trackers stay whole");

    Tracker compacted = whole.compacted(100, 25).orElseThrow();
    assertEquals(whole.persistedCount(), compacted.persistedCount());
    assertEquals(200, compacted.persistedCount());
    assertTrue(compacted.allEvents().size() >= 25 && compacted.allEvents().size() < 100);
    assertTrue(compacted.allEvents().get(0) instanceof UserUttered, "cut at a turn's start");
    assertEquals(200 - compacted.allEvents().size(), compacted.baseSequence());
    assertEquals(whole.slots(), compacted.slots());
    assertEquals(whole.activeLoop(), compacted.activeLoop());
    assertEquals(whole.latestMessage(), compacted.latestMessage());
    assertEquals(whole.latestActionName(), compacted.latestActionName());
    assertEquals(whole.allEvents().subList(compacted.baseSequence(), 200), compacted.allEvents());

    Tracker reloaded =
        Tracker.fromSnapshot(
            KEY,
            TestDomains.food().slots(),
            compacted.baseSequence(),
            compacted.snapshot(),
            compacted.allEvents());
    // the same events for all three (events made apart may differ by a millisecond)
    var turn =
        List.of(
            user("start over", "restart"),
            UserUtteranceReverted.now(),
            SlotSet.of("size", "large"));
    for (Tracker tracker : List.of(whole, compacted, reloaded)) {
      turn.forEach(tracker::append);
    }
    assertEquals(whole.slots(), compacted.slots());
    assertEquals(whole.slots(), reloaded.slots());
    assertEquals(whole.latestMessage(), reloaded.latestMessage());
    assertEquals(whole.persistedCount(), reloaded.persistedCount());
    assertEquals(whole.unpersistedEvents(), reloaded.unpersistedEvents());
  }
}
