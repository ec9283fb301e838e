package dev.parley.core.turn;

import dev.parley.core.bot.ActionRoute;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.RasaDefaultActions;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.conversation.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What Rasa's HTTP API does to a conversation besides a user message: append events, run one
 * action, and predict the next action without running it. Changes take the conversation's lock and
 * are saved in one append, as a turn's are; a failure leaves the stored conversation as it was.
 */
@ApplicationScoped
public class ConversationCommands {

  private ConversationRepository conversations;
  private ConversationLocks locks;
  private DialogueLoop dialogue;

  /** For CDI proxies. */
  protected ConversationCommands() {}

  /**
   * Wires the repository, the locks and the live dialogue loop.
   *
   * @param conversations the conversation repository
   * @param locks the per-conversation locks
   * @param dialogue the loop that runs actions as a turn does
   */
  @Inject
  public ConversationCommands(
      ConversationRepository conversations, ConversationLocks locks, DialogueLoop dialogue) {
    this.conversations = conversations;
    this.locks = locks;
    this.dialogue = dialogue;
  }

  /**
   * Appends events as they are (Rasa's {@code POST tracker/events}): no session start, nothing
   * predicted.
   *
   * @return the conversation as saved
   */
  public Tracker append(BotModel model, String sender, List<Event> events) {
    ConversationKey key = key(model, sender);
    return locks.withLock(
        key,
        () -> {
          Tracker tracker = conversations.load(key, model.domain().slots()).copy();
          tracker.appendAll(events);
          conversations.save(tracker);
          return tracker;
        });
  }

  /**
   * Runs one action as if a policy had predicted it (Rasa's {@code execute}): a session starts
   * first if needed; the action's responses are said and its events applied; nothing further is
   * predicted.
   *
   * @param action a name {@link #knows(Domain, String)} accepts
   * @param policy the policy to record, or {@code null}
   * @param confidence the confidence to record, or {@code null}
   * @return the bot's messages and the conversation as saved
   */
  public Executed execute(
      BotModel model, String sender, String action, String policy, Double confidence) {
    ConversationKey key = key(model, sender);
    return locks.withLock(
        key,
        () -> {
          Tracker tracker = conversations.load(key, model.domain().slots()).copy();
          SessionStart.ifNeeded(tracker, model);
          TurnContext turn = TurnContext.of(tracker, model);
          PolicyEnsemble.Choice choice =
              new PolicyEnsemble.Choice(action, policy, confidence == null ? 1.0 : confidence);
          if (action.equals(CoreActionNames.LISTEN)) {
            dialogue.listen(turn, choice);
          } else {
            dialogue.act(turn, choice);
          }
          conversations.save(tracker);
          return new Executed(List.copyOf(turn.messages()), tracker);
        });
  }

  /**
   * The action the bot would run next and every action's score (Rasa's {@code predict}); nothing
   * changes. Empty when the conversation has no events.
   */
  public Optional<NextAction> predict(BotModel model, String sender) {
    Tracker stored = conversations.load(key(model, sender), model.domain().slots());
    if (stored.isNew()) {
      return Optional.empty();
    }
    TurnContext turn = TurnContext.of(stored.copy(), model);
    PolicyEnsemble.Choice choice = dialogue.predict(turn);
    return Optional.of(
        new NextAction(
            ActionScores.of(turn.tracker(), model, choice, actionNames(model.domain())),
            choice.policy(),
            choice.confidence(),
            stored));
  }

  /**
   * Whether the bot has an action of that name: a default action, a response, a form or a custom
   * action its domain declares.
   */
  public static boolean knows(Domain domain, String action) {
    if (action.startsWith("utter_")) {
      return domain.responses().containsKey(action);
    }
    return ActionRoute.isBuiltIn(action, domain) || domain.actions().contains(action);
  }

  /** Every action of the bot, sorted: default actions, responses, forms and custom actions. */
  static List<String> actionNames(Domain domain) {
    TreeSet<String> names = new TreeSet<>(RasaDefaultActions.NAMES);
    names.addAll(domain.responses().keySet());
    names.addAll(domain.forms().keySet());
    names.addAll(domain.actions());
    return List.copyOf(names);
  }

  private static ConversationKey key(BotModel model, String sender) {
    return new ConversationKey(model.tenant(), model.bot(), sender);
  }

  /**
   * An action that ran on request.
   *
   * @param messages what the bot said
   * @param tracker the conversation as saved (read-only use)
   */
  public record Executed(List<BotMessage> messages, Tracker tracker) {}

  /**
   * The predicted next action.
   *
   * @param scores every action with its score, best first (then by name)
   * @param policy the policy that decided
   * @param confidence its confidence
   * @param tracker the conversation it was predicted for (read-only use)
   */
  public record NextAction(
      List<ActionScores.Score> scores, String policy, double confidence, Tracker tracker) {}
}
