package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.RetrievalIntents;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.conversation.ActiveLoop;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Restarted;
import dev.parley.plugin.conversation.SessionStarted;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUtteranceReverted;
import java.util.List;
import java.util.Optional;

/**
 * Runs an action by name: the core's default actions, {@code utter_*} responses, forms, and
 * in-process custom actions from plugins. An empty result means the action rejected the turn.
 */
final class ActionRunner {

  private static final String REQUESTED_SLOT = "requested_slot";

  private ActionRunner() {}

  static Optional<ActionResult> run(String name, ConversationView conversation, BotModel model) {
    switch (name) {
      case CoreActionNames.LISTEN:
        return Optional.of(ActionResult.empty());
      case CoreActionNames.RESTART:
        return Optional.of(
            new ActionResult(optionalResponse("utter_restart", model), List.of(Restarted.now())));
      case CoreActionNames.DEFAULT_FALLBACK:
        return Optional.of(
            new ActionResult(
                optionalResponse("utter_default", model), List.of(UserUtteranceReverted.now())));
      case CoreActionNames.SESSION_START:
        return Optional.of(new ActionResult(List.of(), List.of(SessionStarted.now())));
      case CoreActionNames.DEACTIVATE_LOOP:
        // Rasa's action_deactivate_loop: the loop ends and nothing is requested any more.
        return Optional.of(
            new ActionResult(
                List.of(),
                conversation.slot(REQUESTED_SLOT).isPresent()
                    ? List.of(ActiveLoop.of(null), SlotSet.of(REQUESTED_SLOT, null))
                    : List.of(ActiveLoop.of(null))));
      case CoreActionNames.TWO_STAGE_FALLBACK:
        return Optional.of(TwoStageFallback.run(conversation, model));
      case CoreActionNames.ASK_AFFIRMATION:
        return Optional.of(
            new ActionResult(TwoStageFallback.askAffirmation(conversation, model), List.of()));
      case CoreActionNames.ASK_REPHRASE:
        return Optional.of(new ActionResult(TwoStageFallback.askRephrase(model), List.of()));
      case CoreActionNames.BACK:
        return Optional.of(
            new ActionResult(
                optionalResponse("utter_back", model),
                List.of(UserUtteranceReverted.now(), UserUtteranceReverted.now())));
      default:
        break;
    }
    if (name.startsWith("utter_")) {
      String response =
          model.domain().responses().containsKey(name)
              ? name
              : conversation
                  .latestMessage()
                  .flatMap(message -> RetrievalIntents.responseFor(name, message.parseData()))
                  .orElse(name);
      return Optional.of(new ActionResult(List.of(BotResponse.response(response)), List.of()));
    }
    var form = model.domain().form(name);
    if (form.isPresent()) {
      return FormRunner.run(form.get(), conversation, model.domain());
    }
    var action = model.action(name);
    if (action.isPresent()) {
      try {
        return Optional.of(action.get().run(conversation, model.domain()));
      } catch (PluginException e) {
        return Optional.empty();
      }
    }
    throw new IllegalStateException("no action named '" + name + "' can run in this bot");
  }

  private static List<BotResponse> optionalResponse(String name, BotModel model) {
    return model.domain().responses().containsKey(name)
        ? List.of(BotResponse.response(name))
        : List.of();
  }
}
