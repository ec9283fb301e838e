package dev.parley.core.turn;

import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.FormDefinition;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a form as a loop, as Rasa does: on activation it emits {@code active_loop}; each time it
 * runs it asks for the first required slot that is still empty ({@code utter_ask_<slot>}, recording
 * {@code requested_slot}); when every slot is filled it deactivates. Right after a user message
 * that touched none of its slots it is rejected, so that rules and stories can handle the
 * interruption; a message whose value was rejected (its slot unset) is an answer, asked again.
 */
final class FormRunner {

  private static final String REQUESTED_SLOT = "requested_slot";

  private FormRunner() {}

  /** The form's result, or empty when it rejects the latest message. */
  static Optional<ActionResult> run(
      FormDefinition form, ConversationView conversation, Domain domain) {
    boolean active = conversation.activeLoop().filter(form.name()::equals).isPresent();
    List<Event> events = new ArrayList<>();
    if (!active) {
      events.add(ActiveLoop.of(form.name()));
    } else if (justHeardUser(conversation) && !filledAnySlot(form, conversation)) {
      return Optional.empty();
    }
    Optional<String> missing =
        form.requiredSlots().stream()
            .filter(slot -> conversation.slots().get(slot) == null)
            .findFirst();
    if (missing.isEmpty()) {
      events.add(SlotSet.of(REQUESTED_SLOT, null));
      events.add(ActiveLoop.of(null));
      return Optional.of(new ActionResult(List.of(), events));
    }
    events.add(SlotSet.of(REQUESTED_SLOT, missing.get()));
    return Optional.of(
        new ActionResult(List.of(BotResponse.response("utter_ask_" + missing.get())), events));
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
