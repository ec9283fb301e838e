package dev.parley.core.actionserver;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.EntityDefinition;
import dev.parley.plugin.bot.FormDefinition;
import dev.parley.plugin.bot.MappingCondition;
import dev.parley.plugin.bot.ResponseVariation;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The domain as Rasa's {@code Domain.as_dict()}, which action servers receive. */
public final class DomainDict {

  static final String VERSION = "3.1";

  private DomainDict() {}

  /** The domain as Rasa's {@code Domain.as_dict()}. */
  public static Map<String, Object> of(Domain domain) {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("version", VERSION);
    dict.put("intents", domain.intents());
    dict.put("entities", entities(domain));
    dict.put("slots", slots(domain));
    dict.put("responses", responses(domain));
    dict.put("actions", domain.actions());
    dict.put("forms", forms(domain));
    dict.put(
        "session_config",
        Map.of(
            "session_expiration_time",
            domain.session().expirationMinutes(),
            "carry_over_slots_to_new_session",
            domain.session().carryOverSlots()));
    dict.put("config", Map.of("store_entities_as_slots", true));
    return dict;
  }

  private static List<Object> entities(Domain domain) {
    List<Object> entities = new ArrayList<>();
    for (EntityDefinition entity : domain.entities().values()) {
      if (entity.roles().isEmpty() && entity.groups().isEmpty()) {
        entities.add(entity.name());
        continue;
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      if (!entity.roles().isEmpty()) {
        spec.put("roles", entity.roles());
      }
      if (!entity.groups().isEmpty()) {
        spec.put("groups", entity.groups());
      }
      entities.add(Map.of(entity.name(), spec));
    }
    return entities;
  }

  private static Map<String, Object> slots(Domain domain) {
    Map<String, Object> slots = new LinkedHashMap<>();
    for (SlotDefinition slot : domain.slots().values()) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("type", slot.type().name().toLowerCase(Locale.ROOT));
      spec.put("initial_value", slot.initialValue());
      spec.put("influence_conversation", slot.influenceConversation());
      if (!slot.values().isEmpty()) {
        spec.put("values", slot.values());
      }
      if (slot.minValue() != null) {
        spec.put("min_value", slot.minValue());
      }
      if (slot.maxValue() != null) {
        spec.put("max_value", slot.maxValue());
      }
      spec.put("mappings", slot.mappings().stream().map(DomainDict::mapping).toList());
      slots.put(slot.name(), spec);
    }
    return slots;
  }

  private static Map<String, Object> mapping(SlotMapping mapping) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", mapping.type().name().toLowerCase(Locale.ROOT));
    putIfSet(spec, "entity", mapping.entity());
    putIfSet(spec, "role", mapping.role());
    putIfSet(spec, "group", mapping.group());
    if (!mapping.intents().isEmpty()) {
      spec.put("intent", mapping.intents());
    }
    if (!mapping.notIntents().isEmpty()) {
      spec.put("not_intent", mapping.notIntents());
    }
    putIfSet(spec, "value", mapping.value());
    putIfSet(spec, "action", mapping.action());
    if (!mapping.conditions().isEmpty()) {
      List<Map<String, Object>> conditions = new ArrayList<>();
      for (MappingCondition condition : mapping.conditions()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("active_loop", condition.activeLoop());
        putIfSet(c, "requested_slot", condition.requestedSlot());
        conditions.add(c);
      }
      spec.put("conditions", conditions);
    }
    return spec;
  }

  private static Map<String, Object> responses(Domain domain) {
    Map<String, Object> responses = new LinkedHashMap<>();
    domain
        .responses()
        .forEach(
            (name, variations) ->
                responses.put(name, variations.stream().map(DomainDict::variation).toList()));
    return responses;
  }

  private static Map<String, Object> variation(ResponseVariation variation) {
    Map<String, Object> spec = new LinkedHashMap<>();
    putIfSet(spec, "text", variation.text());
    if (!variation.buttons().isEmpty()) {
      spec.put(
          "buttons",
          variation.buttons().stream()
              .map(b -> Map.of("title", b.title(), "payload", b.payload()))
              .toList());
    }
    putIfSet(spec, "image", variation.image());
    if (!variation.custom().isEmpty()) {
      spec.put("custom", variation.custom());
    }
    if (!variation.conditions().isEmpty()) {
      spec.put(
          "condition",
          variation.conditions().stream()
              .map(c -> Map.of("type", "slot", "name", c.name(), "value", c.value()))
              .toList());
    }
    putIfSet(spec, "channel", variation.channel());
    putIfSet(spec, "id", variation.id());
    return spec;
  }

  private static Map<String, Object> forms(Domain domain) {
    Map<String, Object> forms = new LinkedHashMap<>();
    for (FormDefinition form : domain.forms().values()) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("required_slots", form.requiredSlots());
      if (!form.ignoredIntents().isEmpty()) {
        spec.put("ignored_intents", form.ignoredIntents());
      }
      forms.put(form.name(), spec);
    }
    return forms;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
