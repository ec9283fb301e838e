package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.FormDefinition;
import dev.parley.plugin.conversation.SlotSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rasa 3.x form validation: a form's {@code validate_<form>} action (in-process plugin, or on the
 * action server) checks slot candidates. The tracker it sees ends with the candidates as {@code
 * slot} events, which is where rasa_sdk's {@code FormValidationAction} looks for them; its {@code
 * slot} events replace the values, and a {@code null} value rejects one.
 */
final class FormValidation {

  private static final String PREFIX = "validate_";

  private FormValidation() {}

  /**
   * Validates candidates for a form; empty when the form has no validation action or there is
   * nothing to validate.
   *
   * @param tracker the conversation, without the candidates
   */
  static Optional<ActionOutcome> validate(
      String form,
      List<SlotSet> candidates,
      Tracker tracker,
      BotModel model,
      RemoteActions remote) {
    String name = PREFIX + form;
    boolean inProcess = model.action(name).isPresent();
    if (candidates.isEmpty() || (!inProcess && !model.runsRemotely(name))) {
      return Optional.empty();
    }
    Tracker fork = tracker.copy();
    fork.appendAll(candidates);
    if (!inProcess) {
      return Optional.of(remote.run(name, fork, model));
    }
    try {
      return Optional.of(
          new ActionOutcome.Completed(model.action(name).get().run(fork, model.domain())));
    } catch (PluginException e) {
      return Optional.of(new ActionOutcome.Rejected(String.valueOf(e.getMessage())));
    }
  }

  /** The slots a form starts with (Rasa validates these when the form activates). */
  static List<SlotSet> prefilled(FormDefinition form, Tracker tracker) {
    List<SlotSet> slots = new ArrayList<>();
    for (String slot : form.requiredSlots()) {
      Object value = tracker.slots().get(slot);
      if (value != null) {
        slots.add(SlotSet.of(slot, value));
      }
    }
    return slots;
  }
}
