package dev.parley.core.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.core.TestDomains;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotMapping;
import dev.parley.plugin.bot.SlotType;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotValuesTest {

  private static SlotDefinition slot(SlotType type, List<String> values, Double min, Double max) {
    return new SlotDefinition(
        "x", type, true, null, values, min, max, List.of(TestDomains.fromEntity("x")), false);
  }

  @Test
  void categoricalTakesDeclaredValuesIgnoringCase() {
    SlotDefinition size = slot(SlotType.CATEGORICAL, List.of("small", "Large"), null, null);
    assertEquals(Optional.of("Large"), SlotValues.accept(size, "large"));
    assertEquals(Optional.empty(), SlotValues.accept(size, "huge"));
  }

  @Test
  void floatTakesNumbersInRange() {
    SlotDefinition people = slot(SlotType.FLOAT, List.of(), 1.0, 12.0);
    assertEquals(Optional.of(4.0), SlotValues.accept(people, "4"));
    assertEquals(Optional.of(12.0), SlotValues.accept(people, 12));
    assertEquals(Optional.empty(), SlotValues.accept(people, "40"));
    assertEquals(Optional.empty(), SlotValues.accept(people, "four"));
  }

  @Test
  void boolAndListAreNormalised() {
    assertEquals(
        Optional.of(true), SlotValues.accept(slot(SlotType.BOOL, List.of(), null, null), "Yes"));
    assertEquals(
        Optional.empty(), SlotValues.accept(slot(SlotType.BOOL, List.of(), null, null), "maybe"));
    assertEquals(
        Optional.of(List.of("a")),
        SlotValues.accept(slot(SlotType.LIST, List.of(), null, null), "a"));
  }

  @Test
  void anInvalidAnswerToTheRequestedSlotUnsetsItSoTheFormAsksAgain() {
    Domain food = TestDomains.food();
    Map<String, SlotDefinition> slots = new LinkedHashMap<>(food.slots());
    slots.put(
        "size",
        new SlotDefinition(
            "size",
            SlotType.CATEGORICAL,
            true,
            null,
            List.of("small", "large"),
            null,
            null,
            List.<SlotMapping>of(TestDomains.fromEntity("size")),
            false));
    Domain domain =
        new Domain(
            food.intents(),
            food.entities(),
            slots,
            food.responses(),
            food.actions(),
            food.forms(),
            food.session());
    Tracker tracker =
        Tracker.fromStored(new ConversationKey("t", "b", "s"), domain.slots(), List.of());
    tracker.append(SlotSet.of("requested_slot", "size"));
    IntentPrediction inform = new IntentPrediction("inform", 1);
    tracker.append(
        new UserUttered(
            "gigantic",
            new ParseResult(
                "gigantic",
                inform,
                List.of(inform),
                List.of(Entity.of("size", "gigantic", 0, 8, 1, "x"))),
            "rest",
            "m",
            1,
            null));
    assertEquals(
        List.of(SlotSet.of("size", null)).get(0).name(),
        SlotFiller.extract(tracker, domain).get(0).name());
    assertEquals(null, SlotFiller.extract(tracker, domain).get(0).value());
  }
}
