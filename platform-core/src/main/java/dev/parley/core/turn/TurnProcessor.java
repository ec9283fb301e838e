package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.MessageParser;
import dev.parley.core.tracker.AppendConflictException;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.tracker.ConversationRepository;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one user message end to end: lock the conversation, load it, start a session if needed,
 * understand the message, run the {@link DialogueLoop} until the bot listens again, and save the
 * new events. A message id that was already handled answers as it did then. When the save finds
 * that another server has stored events this server's copy did not have ({@link
 * AppendConflictException}), the turn runs once more on the stored conversation.
 */
@ApplicationScoped
public class TurnProcessor {

  private static final Logger LOG = Logger.getLogger(TurnProcessor.class.getName());
  private static final String REQUESTED_SLOT = "requested_slot";

  private ConversationRepository conversations;
  private ConversationLocks locks;
  private MessageParser parser;
  private DialogueLoop dialogue;

  /** For CDI proxies. */
  protected TurnProcessor() {}

  /**
   * Wires a turn's steps.
   *
   * @param conversations the conversation repository
   * @param locks the per-conversation locks
   * @param parser how a message is understood (the server's NLU, with its cache and re-checks)
   * @param dialogue the dialogue loop
   */
  @Inject
  public TurnProcessor(
      ConversationRepository conversations,
      ConversationLocks locks,
      MessageParser parser,
      DialogueLoop dialogue) {
    this.conversations = conversations;
    this.locks = locks;
    this.parser = parser;
    this.dialogue = dialogue;
  }

  /** Runs a turn and returns the bot's answer. */
  public TurnResult handle(BotModel model, IncomingMessage incoming) {
    return handle(model, incoming, Optional.empty(), true).result();
  }

  /**
   * Runs a turn as Rasa's HTTP API asks for it, on the same path as {@link #handle(BotModel,
   * IncomingMessage)}: with the message already understood ({@code trigger_intent}, {@code
   * parse_data}), and with or without predicting the bot's actions ({@code messages} only logs the
   * message and extracts slots).
   *
   * @param understood the message's parse; empty to parse it with the bot's NLU
   * @param predict whether the bot acts until it listens again
   * @return the turn and the conversation as saved
   */
  public TurnOutcome handle(
      BotModel model, IncomingMessage incoming, Optional<ParseResult> understood, boolean predict) {
    ConversationKey key = new ConversationKey(model.tenant(), model.bot(), incoming.sender());
    return locks.withLock(key, () -> runOnStoredState(model, key, incoming, understood, predict));
  }

  private TurnOutcome runOnStoredState(
      BotModel model,
      ConversationKey key,
      IncomingMessage incoming,
      Optional<ParseResult> understood,
      boolean predict) {
    try {
      return runTurn(model, key, incoming, understood, predict);
    } catch (AppendConflictException behind) {
      LOG.log(
          Level.INFO, "{0}; the turn runs again on the stored conversation", behind.getMessage());
      return runTurn(model, key, incoming, understood, predict);
    }
  }

  private TurnOutcome runTurn(
      BotModel model,
      ConversationKey key,
      IncomingMessage incoming,
      Optional<ParseResult> understood,
      boolean predict) {
    Tracker stored = conversations.load(key, model.domain().slots());
    Optional<TurnResult> replayed = ReplayedTurn.find(stored.allEvents(), incoming.messageId());
    if (replayed.isPresent()) {
      return new TurnOutcome(replayed.get(), stored);
    }
    Tracker tracker = stored.copy();
    SessionStart.ifNeeded(tracker, model);
    ParseResult parse = understood.orElseGet(() -> understand(model, incoming));
    tracker.append(
        new UserUttered(
            incoming.text(),
            parse,
            incoming.channel(),
            messageId(incoming),
            Event.now(),
            incoming.metadata()));
    TurnContext turn = TurnContext.of(tracker, model);
    if (predict) {
      dialogue.respond(turn);
    } else if (!tracker.paused()) {
      dialogue.understand(turn);
    }
    conversations.save(tracker);
    return new TurnOutcome(
        new TurnResult(turn.messages(), parse, turn.actions(), askedAgain(stored, tracker)),
        tracker);
  }

  private ParseResult understand(BotModel model, IncomingMessage incoming) {
    return PayloadParser.parse(incoming.text(), model.domain())
        .orElseGet(
            () ->
                parser.parse(
                    model,
                    new Message(incoming.text(), model.config().language(), incoming.metadata())));
  }

  private static String messageId(IncomingMessage incoming) {
    return incoming.messageId() != null
        ? incoming.messageId()
        : UUID.randomUUID().toString().replace("-", "");
  }

  /** Whether a form asked for a slot and, after this answer, asks for the same slot again. */
  private static boolean askedAgain(Tracker before, Tracker after) {
    Object askedBefore = before.slots().get(REQUESTED_SLOT);
    return askedBefore != null
        && askedBefore.equals(after.slots().get(REQUESTED_SLOT))
        && after.activeLoop().isPresent();
  }
}
