package dev.parley.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.bot.definition.GeneratorSettings;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.conversation.BotUttered;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.response.MemoryEntry;
import dev.parley.plugin.response.MemoryEntry.Role;
import dev.parley.plugin.response.ResponseRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenerationRequestsTest {

  private static final String ADDRESS = "12 Elm Street";

  private static Domain domainWithSensitiveAddress() {
    Domain food = TestDomains.food();
    Map<String, SlotDefinition> slots = new LinkedHashMap<>(food.slots());
    SlotDefinition address = slots.get("address");
    slots.put(
        "address",
        new SlotDefinition(
            address.name(),
            address.type(),
            address.influenceConversation(),
            address.initialValue(),
            address.values(),
            address.minValue(),
            address.maxValue(),
            address.mappings(),
            true));
    return new Domain(
        food.intents(),
        food.entities(),
        slots,
        food.responses(),
        food.actions(),
        food.forms(),
        food.session());
  }

  private static GeneratorSettings settings(int memoryTurns, boolean allowSensitive) {
    return new GeneratorSettings(
        new ComponentConfig("OpenAiChatGenerator", Map.of(), "config.yml", 1),
        "default",
        List.of(),
        "Be brief.",
        memoryTurns,
        1500,
        600,
        allowSensitive,
        List.of());
  }

  private static Tracker conversation(Domain domain) {
    List<Event> events =
        List.of(
            user("I want a meal"),
            bot("Which meal?"),
            user("chicken"),
            SlotSet.of("meal_kind", "chicken"),
            SlotSet.of("requested_slot", "address"),
            bot("Where to?"),
            user("to " + ADDRESS + " please"),
            SlotSet.of("address", ADDRESS));
    return Tracker.fromStored(new ConversationKey("t", "b", "s"), domain.slots(), events);
  }

  private static UserUttered user(String text) {
    return new UserUttered(text, null, "rest", "m", Event.now(), Map.of());
  }

  private static BotUttered bot(String text) {
    return new BotUttered(text, Map.of(), Event.now(), Map.of());
  }

  @Test
  void memoryInterleavesSlotChangesAndStopsAtTheTurnLimit() {
    Domain domain = domainWithSensitiveAddress();
    ResponseRequest request =
        GenerationRequests.build(
            "utter_ask_size",
            "Which size?",
            conversation(domain),
            domain,
            settings(2, false),
            "en");
    assertEquals(
        List.of(
            new MemoryEntry(Role.USER, "chicken"),
            new MemoryEntry(Role.SLOT, "meal_kind = chicken"),
            new MemoryEntry(Role.BOT, "Where to?"),
            new MemoryEntry(Role.USER, "to [address] please"),
            new MemoryEntry(Role.SLOT, "address = [withheld]")),
        request.memory());
    assertEquals(Map.of("meal_kind", "chicken"), request.slots());
    assertEquals(Optional.of("size"), request.requestedSlot());
    assertEquals("Be brief.", request.instructions());
    assertFalse(request.toString().contains(ADDRESS));
  }

  @Test
  void aBotMayAllowSensitiveSlots() {
    Domain domain = domainWithSensitiveAddress();
    ResponseRequest request =
        GenerationRequests.build(
            "utter_greet", "Hello!", conversation(domain), domain, settings(10, true), "en");
    assertEquals(ADDRESS, request.slots().get("address"));
    assertTrue(request.memory().contains(new MemoryEntry(Role.USER, "to " + ADDRESS + " please")));
    assertEquals(Optional.empty(), request.requestedSlot());
    assertEquals(
        List.of(ADDRESS),
        GenerationRequests.protectedValues(conversation(domain), domain),
        "replies are still checked against the value");
  }

  @Test
  void formSpecificAskResponsesNameTheirSlot() {
    Domain domain = TestDomains.food();
    assertEquals(
        Optional.of("address"),
        GenerationRequests.requestedSlot("utter_ask_order_form_address", domain));
    assertEquals(Optional.empty(), GenerationRequests.requestedSlot("utter_ask_nothing", domain));
  }
}
