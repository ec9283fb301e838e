package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.conversation.ActionExecuted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One turn's working state, from the user's message until the bot listens again: the tracker being
 * extended, the bot, the time left for generation, and what the bot said and did so far.
 */
final class TurnContext {

  private final Tracker tracker;
  private final BotModel model;
  private final TurnBudget budget;
  private final List<BotMessage> messages = new ArrayList<>();
  private final List<String> actions = new ArrayList<>();
  private int predictions;
  private PolicyEnsemble.Choice forcedListen;

  private TurnContext(Tracker tracker, BotModel model, TurnBudget budget) {
    this.tracker = tracker;
    this.model = model;
    this.budget = budget;
  }

  /** A turn on that tracker, with the bot's generation timeout as its budget. */
  static TurnContext of(Tracker tracker, BotModel model) {
    long millis = model.generation().map(g -> g.settings().timeoutMillis()).orElse(0L);
    return new TurnContext(tracker, model, TurnBudget.ofMillis(millis));
  }

  Tracker tracker() {
    return tracker;
  }

  BotModel model() {
    return model;
  }

  TurnBudget budget() {
    return budget;
  }

  /** The bot's messages so far, in order. */
  List<BotMessage> messages() {
    return messages;
  }

  /** The actions that ran so far, in order. */
  List<String> actions() {
    return actions;
  }

  /** Sends a message and records it in the tracker. */
  void say(BotMessage message) {
    messages.add(message);
    tracker.append(message.toEvent());
  }

  /** Records that an action ran. */
  void ran(String action, String policy, Double confidence) {
    actions.add(action);
    tracker.append(ActionExecuted.of(action, policy, confidence));
  }

  /** Counts one more predicted action; how many this turn has had. */
  int countPrediction() {
    return ++predictions;
  }

  int predictions() {
    return predictions;
  }

  /** From now on the bot listens, as that choice says. */
  void forceListen(PolicyEnsemble.Choice listen) {
    forcedListen = listen;
  }

  Optional<PolicyEnsemble.Choice> forcedListen() {
    return Optional.ofNullable(forcedListen);
  }
}
