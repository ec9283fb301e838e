package dev.parley.core.turn;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.FormDefinition;
import dev.parley.plugin.bot.MappingCondition;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotMapping;
import dev.parley.plugin.bot.SlotType;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rasa's {@code action_extract_slots}: after every user message, fills slots from their mappings
 * ({@code from_entity}, {@code from_text}, {@code from_intent}), honouring intent filters and
 * {@code conditions}, and checks each value against the slot's type ({@link SlotValues}). Only
 * changes produce events; an invalid answer to the form's requested slot unsets it, so the form
 * asks again.
 */
public final class SlotFiller {

  private static final String REQUESTED_SLOT = "requested_slot";

  private SlotFiller() {}

  /** The slot events for the latest user message. */
  public static List<SlotSet> extract(ConversationView conversation, Domain domain) {
    Optional<UserUttered> latest = conversation.latestMessage();
    if (latest.isEmpty()) {
      return List.of();
    }
    UserUttered message = latest.get();
    String intent = message.intentName();
    Optional<String> activeLoop = conversation.activeLoop();
    Object requested = conversation.slots().get(REQUESTED_SLOT);
    boolean ignoredByForm =
        activeLoop
            .flatMap(domain::form)
            .map(FormDefinition::ignoredIntents)
            .map(ignored -> ignored.contains(intent))
            .orElse(false);
    List<SlotSet> events = new ArrayList<>();
    for (SlotDefinition slot : domain.slots().values()) {
      if (ignoredByForm && isRequiredByActiveForm(slot.name(), activeLoop, domain)) {
        continue;
      }
      for (SlotMapping mapping : slot.mappings()) {
        if (!applies(mapping, intent, activeLoop, requested)) {
          continue;
        }
        Optional<Object> extracted = valueOf(mapping, slot, message, intent);
        if (extracted.isEmpty()) {
          continue;
        }
        Optional<Object> value = SlotValues.accept(slot, extracted.get());
        if (value.isEmpty()) {
          if (slot.name().equals(requested)) {
            // The answer to the form's question is not a valid value: unset, so it is asked again.
            events.add(SlotSet.of(slot.name(), null));
          }
          break;
        }
        if (!Objects.equals(conversation.slots().get(slot.name()), value.get())) {
          events.add(SlotSet.of(slot.name(), value.get()));
        }
        break;
      }
    }
    return events;
  }

  private static boolean isRequiredByActiveForm(
      String slot, Optional<String> activeLoop, Domain domain) {
    return activeLoop
        .flatMap(domain::form)
        .map(form -> form.requiredSlots().contains(slot))
        .orElse(false);
  }

  private static boolean applies(
      SlotMapping mapping, String intent, Optional<String> activeLoop, Object requested) {
    if (!mapping.intents().isEmpty() && !mapping.intents().contains(intent)) {
      return false;
    }
    if (mapping.notIntents().contains(intent)) {
      return false;
    }
    if (mapping.conditions().isEmpty()) {
      return true;
    }
    for (MappingCondition condition : mapping.conditions()) {
      boolean loopMatches = Objects.equals(condition.activeLoop(), activeLoop.orElse(null));
      boolean slotMatches =
          condition.requestedSlot() == null || condition.requestedSlot().equals(requested);
      if (loopMatches && slotMatches) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Object> valueOf(
      SlotMapping mapping, SlotDefinition slot, UserUttered message, String intent) {
    return switch (mapping.type()) {
      case FROM_ENTITY -> fromEntity(mapping, slot, message);
      case FROM_TEXT -> Optional.ofNullable(message.text());
      case FROM_INTENT -> Optional.ofNullable(mapping.value());
      case FROM_TRIGGER_INTENT, CUSTOM -> Optional.empty();
    };
  }

  private static Optional<Object> fromEntity(
      SlotMapping mapping, SlotDefinition slot, UserUttered message) {
    if (message.parseData() == null) {
      return Optional.empty();
    }
    List<Object> values =
        message.parseData().entities().stream()
            .filter(entity -> entity.entity().equals(mapping.entity()))
            .filter(entity -> mapping.role() == null || mapping.role().equals(entity.role()))
            .filter(entity -> mapping.group() == null || mapping.group().equals(entity.group()))
            .map(Entity::value)
            .toList();
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(slot.type() == SlotType.LIST ? values : values.get(values.size() - 1));
  }
}
