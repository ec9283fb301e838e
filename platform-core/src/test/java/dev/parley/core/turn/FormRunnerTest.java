package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotMapping;
import dev.parley.plugin.bot.SlotMappingType;
import dev.parley.plugin.bot.SlotType;
import dev.parley.plugin.conversation.FollowupAction;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormRunnerTest {

  private static Domain domain(List<String> extraActions) {
    Domain food = TestDomains.food();
    Map<String, SlotDefinition> slots = new LinkedHashMap<>(food.slots());
    slots.put(
        "meal_kind",
        new SlotDefinition(
            "meal_kind",
            SlotType.TEXT,
            true,
            null,
            List.of(),
            null,
            null,
            List.of(
                TestDomains.fromEntity("meal_kind"),
                new SlotMapping(
                    SlotMappingType.FROM_TRIGGER_INTENT,
                    null,
                    null,
                    null,
                    List.of("order_chicken"),
                    List.of(),
                    "chicken",
                    null,
                    List.of())),
            false));
    List<String> actions = new ArrayList<>(food.actions());
    actions.addAll(extraActions);
    return new Domain(
        food.intents(),
        food.entities(),
        slots,
        food.responses(),
        actions,
        food.forms(),
        food.session());
  }

  private static Tracker saying(Domain domain, String intent) {
    Tracker tracker =
        Tracker.fromStored(new ConversationKey("t", "b", "s"), domain.slots(), List.of());
    IntentPrediction prediction = new IntentPrediction(intent, 1);
    tracker.append(
        new UserUttered(
            "x",
            new ParseResult("x", prediction, List.of(prediction), List.of()),
            "rest",
            "m",
            1,
            null));
    return tracker;
  }

  @Test
  void theTriggerIntentFillsItsSlotWhenTheFormStarts() {
    Domain domain = domain(List.of());
    ActionResult result =
        FormRunner.run(
                domain.form("order_form").orElseThrow(), saying(domain, "order_chicken"), domain)
            .orElseThrow();
    assertTrue(
        result.events().stream()
            .anyMatch(
                e ->
                    e instanceof SlotSet set
                        && set.name().equals("meal_kind")
                        && "chicken".equals(set.value())),
        result.toString());
    assertEquals("utter_ask_size", result.responses().get(0).response());

    ActionResult other =
        FormRunner.run(
                domain.form("order_form").orElseThrow(), saying(domain, "order_meal"), domain)
            .orElseThrow();
    assertEquals("utter_ask_meal_kind", other.responses().get(0).response());
  }

  @Test
  void aCustomAskActionRunsNextInsteadOfTheResponse() {
    Domain domain = domain(List.of("action_ask_meal_kind"));
    ActionResult result =
        FormRunner.run(
                domain.form("order_form").orElseThrow(), saying(domain, "order_meal"), domain)
            .orElseThrow();
    assertEquals(List.of(), result.responses());
    assertTrue(
        result.events().stream()
            .anyMatch(
                e -> e instanceof FollowupAction f && f.name().equals("action_ask_meal_kind")),
        result.toString());
  }
}
