package dev.parley.core.turn;

import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.FormDefinition;
import dev.parley.plugin.bot.SlotMappingType;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.FollowupAction;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a form as a loop, as Rasa does: on activation it emits {@code active_loop}; each time it
 * runs it asks for the first required slot that is still empty ({@code utter_ask_<slot>}, recording
 * {@code requested_slot}); when every slot is filled it deactivates. Right after a user message
 * that touched none of its slots it is rejected, so that rules and stories can handle the
 * interruption; a message whose value was rejected (its slot unset) is an answer, asked again.
 * While the loop stays rejected (Rasa's {@code is_active_loop_rejected}) a story or rule that runs
 * it again brings it back from its unhappy path: it does not judge that message, as Rasa's form
 * skips validation when it was interrupted, and asks its next question.
 */
final class FormRunner {

  private static final String REQUESTED_SLOT = "requested_slot";

  private FormRunner() {}

  /** The form's result, or empty when it rejects the latest message. */
  static Optional<ActionResult> run(
      FormDefinition form, ConversationView conversation, Domain domain) {
    boolean active = conversation.activeLoop().filter(form.name()::equals).isPresent();
    List<Event> events = new ArrayList<>();
    Map<String, Object> triggered = Map.of();
    if (!active) {
      events.add(ActiveLoop.of(form.name()));
      triggered = fromTriggerIntent(form, conversation, domain);
      triggered.forEach((slot, value) -> events.add(SlotSet.of(slot, value)));
    } else if (justHeardUser(conversation)
        && !conversation.activeLoopRejected()
        && !filledAnySlot(form, conversation)) {
      return Optional.empty();
    }
    Map<String, Object> filledNow = triggered;
    Optional<String> missing =
        form.requiredSlots().stream()
            .filter(slot -> conversation.slots().get(slot) == null && !filledNow.containsKey(slot))
            .findFirst();
    Optional<String> askAction =
        missing.map(slot -> "action_ask_" + slot).filter(domain.actions()::contains);
    if (missing.isEmpty()) {
      events.add(SlotSet.of(REQUESTED_SLOT, null));
      events.add(ActiveLoop.of(null));
      return Optional.of(new ActionResult(List.of(), events));
    }
    events.add(SlotSet.of(REQUESTED_SLOT, missing.get()));
    if (askAction.isPresent()) {
      // The domain asks with a custom action: it runs next, as Rasa's form runs action_ask_<slot>.
      events.add(FollowupAction.of(askAction.get()));
      return Optional.of(new ActionResult(List.of(), events));
    }
    return Optional.of(
        new ActionResult(List.of(BotResponse.response("utter_ask_" + missing.get())), events));
  }

  /**
   * Values of {@code from_trigger_intent} mappings of the form's slots whose intent is the one that
   * activated the form.
   */
  private static Map<String, Object> fromTriggerIntent(
      FormDefinition form, ConversationView conversation, Domain domain) {
    String intent = conversation.latestMessage().map(message -> message.intentName()).orElse("");
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : form.requiredSlots()) {
      domain
          .slot(name)
          .ifPresent(
              slot ->
                  slot.mappings().stream()
                      .filter(m -> m.type() == SlotMappingType.FROM_TRIGGER_INTENT)
                      .filter(m -> m.intents().isEmpty() || m.intents().contains(intent))
                      .filter(m -> !m.notIntents().contains(intent))
                      .filter(m -> m.value() != null)
                      .findFirst()
                      .ifPresent(m -> values.put(name, m.value())));
    }
    return values;
  }

  private static boolean justHeardUser(ConversationView conversation) {
    List<Event> events = conversation.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof UserUttered) {
        return true;
      }
      if (event instanceof dev.parley.plugin.conversation.ActionExecuted) {
        return false;
      }
    }
    return false;
  }

  private static boolean filledAnySlot(FormDefinition form, ConversationView conversation) {
    List<Event> events = conversation.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event event = events.get(i);
      if (event instanceof UserUttered) {
        return false;
      }
      if (event instanceof SlotSet slot && form.requiredSlots().contains(slot.name())) {
        return true;
      }
    }
    return false;
  }
}
