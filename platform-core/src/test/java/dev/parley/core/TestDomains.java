package dev.parley.core;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.FormDefinition;
import dev.parley.plugin.bot.MappingCondition;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.SessionConfig;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotMapping;
import dev.parley.plugin.bot.SlotMappingType;
import dev.parley.plugin.bot.SlotType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small food-ordering domain for tests. */
public final class TestDomains {

  private TestDomains() {}

  public static SlotDefinition textSlot(String name, SlotMapping... mappings) {
    return new SlotDefinition(
        name, SlotType.TEXT, true, null, List.of(), null, null, List.of(mappings), false);
  }

  public static SlotMapping fromEntity(String entity) {
    return new SlotMapping(
        SlotMappingType.FROM_ENTITY, entity, null, null, null, null, null, null, null);
  }

  public static SlotMapping fromTextWhenRequested(String form, String slot) {
    return new SlotMapping(
        SlotMappingType.FROM_TEXT,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(new MappingCondition(form, slot)));
  }

  public static ResponseVariation text(String text) {
    return new ResponseVariation(text, null, null, null, null, null, null);
  }

  public static ResponseVariation textWhen(String text, String slot, String value) {
    return new ResponseVariation(
        text,
        null,
        null,
        null,
        List.of(new ResponseVariation.SlotCondition(slot, value)),
        null,
        null);
  }

  public static Domain food() {
    Map<String, SlotDefinition> slots = new LinkedHashMap<>();
    slots.put("meal_kind", textSlot("meal_kind", fromEntity("meal_kind")));
    slots.put("size", textSlot("size", fromEntity("size")));
    slots.put("address", textSlot("address", fromTextWhenRequested("order_form", "address")));
    slots.put("language", textSlot("language", fromEntity("language")));
    slots.put(
        "requested_slot",
        new SlotDefinition(
            "requested_slot", SlotType.TEXT, false, null, null, null, null, null, false));
    Map<String, List<ResponseVariation>> responses = new LinkedHashMap<>();
    responses.put("utter_greet", List.of(text("Hello!"), textWhen("你好！", "language", "zh")));
    responses.put("utter_ask_meal_kind", List.of(text("Which meal?")));
    responses.put("utter_ask_size", List.of(text("Which size?")));
    responses.put("utter_ask_address", List.of(text("Where to?")));
    responses.put("utter_confirm", List.of(text("A {size} {meal_kind} to {address}?")));
    return new Domain(
        List.of("greet", "order_meal", "inform", "affirm"),
        Map.of(),
        slots,
        responses,
        List.of(),
        Map.of(
            "order_form",
            new FormDefinition("order_form", List.of("meal_kind", "size", "address"), List.of())),
        new SessionConfig(60, true));
  }
}
