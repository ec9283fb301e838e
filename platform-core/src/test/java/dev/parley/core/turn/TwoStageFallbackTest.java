package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.core.bot.BotModel;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TwoStageFallbackTest {

  private static final BotModel MODEL =
      new BotModel(
          "t",
          "b",
          1,
          null,
          TestDomains.food(),
          null,
          List.of(),
          Map.of(),
          List.of(),
          Optional.empty(),
          Optional.empty());

  private static UserUttered doubtful(String text, String guess) {
    IntentPrediction fallback = new IntentPrediction("nlu_fallback", 0.7);
    ParseResult parse =
        new ParseResult(
            text, fallback, List.of(fallback, new IntentPrediction(guess, 0.45)), List.of());
    return new UserUttered(text, parse, "rest", "m1", Event.now(), Map.of());
  }

  private static UserUttered clear(String intent) {
    IntentPrediction prediction = new IntentPrediction(intent, 1.0);
    return new UserUttered(
        "/" + intent,
        new ParseResult("/" + intent, prediction, List.of(prediction), List.of()),
        "rest",
        "m2",
        Event.now(),
        Map.of());
  }

  /** Runs the action as the turn would: records it, then its events. */
  private static ActionResult step(Tracker tracker) {
    ActionResult result = TwoStageFallback.run(tracker, MODEL);
    tracker.append(ActionExecuted.of(CoreActionNames.TWO_STAGE_FALLBACK, "RulePolicy", 1.0));
    tracker.appendAll(result.events());
    return result;
  }

  private static Tracker tracker() {
    return Tracker.fromStored(
        new ConversationKey("t", "b", "s"), TestDomains.food().slots(), List.of());
  }

  @Test
  void yesKeepsTheMessageWithTheConfirmedIntent() {
    Tracker tracker = tracker();
    tracker.append(doubtful("hullo there", "greet"));
    ActionResult ask = step(tracker);
    assertEquals("Did you mean 'greet'?", ask.responses().get(0).text());
    assertEquals("/greet", ask.responses().get(0).buttons().get(0).payload());
    assertEquals(Optional.of(CoreActionNames.TWO_STAGE_FALLBACK), tracker.activeLoop());

    tracker.append(ActionExecuted.of(CoreActionNames.LISTEN, null, null));
    tracker.append(clear("greet"));
    step(tracker);
    assertEquals(Optional.empty(), tracker.activeLoop());
    UserUttered latest = tracker.latestMessage().orElseThrow();
    assertEquals("hullo there", latest.text());
    assertEquals("greet", latest.intentName());
    assertEquals(
        1, tracker.events().stream().filter(e -> e instanceof UserUttered).count(), "one message");
  }

  @Test
  void noAsksToRephraseAndAnUnderstoodRephrasingReplacesTheMessage() {
    Tracker tracker = tracker();
    tracker.append(doubtful("hullo there", "greet"));
    step(tracker);
    tracker.append(clear(CoreActionNames.OUT_OF_SCOPE));
    ActionResult rephrase = step(tracker);
    assertTrue(rephrase.responses().get(0).text().contains("rephrase"));
    tracker.append(clear("order_meal"));
    step(tracker);
    assertEquals(Optional.empty(), tracker.activeLoop());
    assertEquals("order_meal", tracker.latestMessage().orElseThrow().intentName());
    assertEquals(1, tracker.events().stream().filter(e -> e instanceof UserUttered).count());
  }

  @Test
  void aSecondNoEndsInTheDefaultFallback() {
    Tracker tracker = tracker();
    tracker.append(doubtful("hullo there", "greet"));
    step(tracker);
    tracker.append(clear(CoreActionNames.OUT_OF_SCOPE));
    step(tracker);
    tracker.append(doubtful("blah", "affirm"));
    ActionResult again = step(tracker);
    assertEquals("Did you mean 'affirm'?", again.responses().get(0).text());
    tracker.append(clear(CoreActionNames.OUT_OF_SCOPE));
    step(tracker);
    assertEquals(Optional.empty(), tracker.activeLoop());
  }
}
