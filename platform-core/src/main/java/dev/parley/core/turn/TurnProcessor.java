package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.MessageParser;
import dev.parley.core.nlu.NluService;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationLocks;
import dev.parley.core.tracker.StoredConversation;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.TrackerCache;
import dev.parley.core.tracker.TrackerSnapshots;
import dev.parley.core.tracker.TrackerStore;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.SessionStarted;
import dev.parley.plugin.conversation.SlotSet;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Handles one user message end to end: lock the conversation, load its tracker (cache, else store),
 * start a session if needed, understand the message, fill slots, let the policies choose actions
 * until the bot listens again, run them, then store the new events in one transaction and cache the
 * new tracker.
 */
@ApplicationScoped
public class TurnProcessor {

  private static final int MAX_ACTIONS_PER_TURN = 10;
  private static final String REQUESTED_SLOT = "requested_slot";
  private static final String FALLBACK_RESPONSE = "utter_default";
  private static final Logger LOG = Logger.getLogger(TurnProcessor.class.getName());

  private TrackerStore store;
  private TrackerCache cache;
  private ConversationLocks locks;
  private ReplyPhrasing phrasing;
  private RemoteActions remote;
  private TrackerSnapshots snapshots;
  private MessageParser parser = MessageParser.DIRECT;

  /** For CDI proxies. */
  protected TurnProcessor() {}

  /** Wires the state collaborators and the "say" step; bots cannot use action servers. */
  public TurnProcessor(
      TrackerStore store, TrackerCache cache, ConversationLocks locks, ReplyPhrasing phrasing) {
    this(store, cache, locks, phrasing, RemoteActions.NONE);
  }

  /** Wires the state collaborators, the "say" step and the action servers; no snapshots. */
  public TurnProcessor(
      TrackerStore store,
      TrackerCache cache,
      ConversationLocks locks,
      ReplyPhrasing phrasing,
      RemoteActions remote) {
    this(store, cache, locks, phrasing, remote, TrackerSnapshots.off());
  }

  /** Wires the state collaborators, the "say" step, the action servers and the snapshots. */
  public TurnProcessor(
      TrackerStore store,
      TrackerCache cache,
      ConversationLocks locks,
      ReplyPhrasing phrasing,
      RemoteActions remote,
      TrackerSnapshots snapshots) {
    this(store, cache, locks, phrasing, remote, snapshots, MessageParser.DIRECT);
  }

  /**
   * Wires the state collaborators, the server's NLU, the "say" step, the action servers and the
   * snapshots.
   */
  @Inject
  public TurnProcessor(
      TrackerStore store,
      TrackerCache cache,
      ConversationLocks locks,
      ReplyPhrasing phrasing,
      RemoteActions remote,
      NluService nlu,
      TrackerSnapshots snapshots) {
    this(store, cache, locks, phrasing, remote, snapshots, (MessageParser) nlu::parse);
  }

  private TurnProcessor(
      TrackerStore store,
      TrackerCache cache,
      ConversationLocks locks,
      ReplyPhrasing phrasing,
      RemoteActions remote,
      TrackerSnapshots snapshots,
      MessageParser parser) {
    this.parser = parser;
    this.store = store;
    this.cache = cache;
    this.locks = locks;
    this.phrasing = phrasing;
    this.remote = remote;
    this.snapshots = snapshots;
  }

  /** Runs a turn and returns the bot's answer. */
  public TurnResult handle(BotModel model, IncomingMessage incoming) {
    ConversationKey key = new ConversationKey(model.tenant(), model.bot(), incoming.sender());
    return locks.withLock(key, () -> runTurn(model, key, incoming));
  }

  /**
   * The conversation's current tracker (read-only use), loading it if needed: from the cache, else
   * from the store (its latest snapshot and the events after it). A cached tracker that is behind
   * the store (another server died between storing a turn and invalidating this server's copy)
   * cannot store a turn: its append collides with the stored events, the turn fails, and the entry
   * is evicted; the cache is also cleared when a server leaves the cluster ({@link TrackerCache}).
   */
  public Tracker tracker(BotModel model, String sender) {
    ConversationKey key = new ConversationKey(model.tenant(), model.bot(), sender);
    long started = System.nanoTime();
    Optional<Tracker> cached = cache.get(key);
    if (cached.isPresent()) {
      cache.recordLoad("cache", System.nanoTime() - started);
      return cached.get();
    }
    StoredConversation stored = store.loadLatest(key);
    Tracker loaded =
        Tracker.fromSnapshot(
            key, model.domain().slots(), stored.baseSequence(), stored.snapshot(), stored.events());
    cache.recordLoad("store", System.nanoTime() - started);
    return loaded;
  }

  /** The conversation with every stored event, for the history APIs. */
  public Tracker fullHistory(BotModel model, String sender) {
    Tracker current = tracker(model, sender);
    if (current.baseSequence() == 0) {
      return current;
    }
    ConversationKey key = current.key();
    return Tracker.fromStored(key, model.domain().slots(), store.load(key));
  }

  /** Erases a conversation from the store and the cache. */
  public boolean erase(BotModel model, String sender) {
    ConversationKey key = new ConversationKey(model.tenant(), model.bot(), sender);
    return locks.withLock(
        key,
        () -> {
          cache.evict(key);
          return store.delete(key);
        });
  }

  private TurnResult runTurn(BotModel model, ConversationKey key, IncomingMessage incoming) {
    Tracker stored = tracker(model, incoming.sender());
    Optional<TurnResult> replayed = ReplayedTurn.find(stored.allEvents(), incoming.messageId());
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Tracker tracker = stored.copy();
    startSessionIfNeeded(tracker, model);
    ParseResult parse =
        PayloadParser.parse(incoming.text(), model.domain())
            .orElseGet(
                () ->
                    parser.parse(
                        model,
                        new Message(
                            incoming.text(), model.config().language(), incoming.metadata())));
    String messageId =
        incoming.messageId() != null
            ? incoming.messageId()
            : UUID.randomUUID().toString().replace("-", "");
    tracker.append(
        new UserUttered(
            incoming.text(),
            parse,
            incoming.channel(),
            messageId,
            Event.now(),
            incoming.metadata()));
    List<BotMessage> messages = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    if (!tracker.paused()) {
      List<SlotSet> extracted = SlotFiller.extract(tracker, model.domain());
      if (validateExtracted(extracted, tracker, model, messages, actions)) {
        predictAndAct(tracker, model, messages, actions);
      } else {
        listen(tracker, actions, "action_server_failure", 1.0);
      }
    }
    try {
      store.append(key, tracker.persistedCount(), tracker.unpersistedEvents());
    } catch (RuntimeException failed) {
      // The cached tracker may be behind the store (another server appended): load it afresh.
      cache.evict(key);
      throw failed;
    }
    tracker.markPersisted();
    Tracker kept = snapshots.afterTurn(tracker, store);
    if (kept != tracker) {
      cache.recordSnapshot(key.tenant());
    }
    cache.put(kept);
    Object askedBefore = stored.slots().get(REQUESTED_SLOT);
    boolean askedAgain =
        askedBefore != null
            && askedBefore.equals(tracker.slots().get(REQUESTED_SLOT))
            && tracker.activeLoop().isPresent();
    return new TurnResult(messages, parse, actions, askedAgain);
  }

  private void startSessionIfNeeded(Tracker tracker, BotModel model) {
    var session = model.domain().session();
    boolean fresh = tracker.isNew();
    boolean expired =
        !fresh
            && session.expirationMinutes() > 0
            && tracker
                .latestEventTime()
                .map(t -> Event.now() - t > session.expirationMinutes() * 60)
                .orElse(false);
    if (!fresh && !expired) {
      return;
    }
    Map<String, Object> carried = expired && session.carryOverSlots() ? tracker.slots() : Map.of();
    List<SlotSet> carriedSlots = new ArrayList<>();
    carried.forEach(
        (name, value) -> {
          if (value != null && !name.equals(REQUESTED_SLOT)) {
            carriedSlots.add(SlotSet.of(name, value));
          }
        });
    tracker.append(ActionExecuted.of(CoreActionNames.SESSION_START, null, null));
    tracker.append(SessionStarted.now());
    tracker.appendAll(carriedSlots);
    tracker.append(ActionExecuted.of(CoreActionNames.LISTEN, null, null));
  }

  private void predictAndAct(
      Tracker tracker, BotModel model, List<BotMessage> messages, List<String> actions) {
    PolicyEnsemble.Choice listen = new PolicyEnsemble.Choice(CoreActionNames.LISTEN, "core", 1.0);
    TurnBudget budget =
        TurnBudget.ofMillis(model.generation().map(g -> g.settings().timeoutMillis()).orElse(0L));
    for (int step = 0; step < MAX_ACTIONS_PER_TURN; step++) {
      PolicyEnsemble.Choice choice =
          tracker
              .followupAction()
              .map(name -> new PolicyEnsemble.Choice(name, "followup", 1.0))
              .orElseGet(() -> PolicyEnsemble.predict(tracker, model));
      if (choice.action().equals(CoreActionNames.LISTEN)) {
        listen = choice;
        break;
      }
      if (!validateOnActivation(choice.action(), tracker, model, messages, actions, budget)) {
        listen = new PolicyEnsemble.Choice(CoreActionNames.LISTEN, "action_server_failure", 1.0);
        break;
      }
      ActionOutcome outcome =
          model.runsRemotely(choice.action())
              ? remote.run(choice.action(), tracker, model)
              : ActionOutcome.of(ActionRunner.run(choice.action(), tracker, model));
      if (outcome instanceof ActionOutcome.Failed failed) {
        answerFailure(choice.action(), failed.reason(), tracker, model, messages, actions);
        listen = new PolicyEnsemble.Choice(CoreActionNames.LISTEN, "action_server_failure", 1.0);
        break;
      }
      Optional<ActionResult> result = outcome.applicable();
      if (result.isEmpty()) {
        tracker.append(
            ActionExecutionRejected.of(choice.action(), choice.policy(), choice.confidence()));
        continue;
      }
      actions.add(choice.action());
      tracker.append(ActionExecuted.of(choice.action(), choice.policy(), choice.confidence()));
      say(result.get().responses(), tracker, model, messages, budget);
      tracker.appendAll(result.get().events());
      if (endsTurn(choice.action())) {
        break;
      }
    }
    listen(tracker, actions, listen.policy(), listen.confidence());
  }

  private static void listen(
      Tracker tracker, List<String> actions, String policy, Double confidence) {
    actions.add(CoreActionNames.LISTEN);
    tracker.append(ActionExecuted.of(CoreActionNames.LISTEN, policy, confidence));
  }

  private void say(
      List<BotResponse> responses,
      Tracker tracker,
      BotModel model,
      List<BotMessage> messages,
      TurnBudget budget) {
    for (BotResponse response : responses) {
      render(response, tracker, model)
          .map(message -> phrasing.phrase(message, tracker, model, budget))
          .ifPresent(
              message -> {
                messages.add(message);
                tracker.append(message.toEvent());
              });
    }
  }

  /**
   * Right after {@code action_extract_slots}: the active form's validation action checks what was
   * extracted. False when it could not run (then nothing extracted is kept and the user was told).
   */
  private boolean validateExtracted(
      List<SlotSet> extracted,
      Tracker tracker,
      BotModel model,
      List<BotMessage> messages,
      List<String> actions) {
    Optional<ActionOutcome> validation =
        tracker
            .activeLoop()
            .flatMap(form -> FormValidation.validate(form, extracted, tracker, model, remote));
    if (validation.isPresent() && validation.get() instanceof ActionOutcome.Failed failed) {
      answerFailure(
          "validate_" + tracker.activeLoop().orElseThrow(),
          failed.reason(),
          tracker,
          model,
          messages,
          actions);
      return false;
    }
    tracker.appendAll(extracted);
    validation
        .flatMap(ActionOutcome::applicable)
        .ifPresent(
            result -> {
              say(result.responses(), tracker, model, messages, TurnBudget.ofMillis(0));
              tracker.appendAll(result.events());
            });
    return true;
  }

  /** When a form activates, its validation action checks the slots it starts with. */
  private boolean validateOnActivation(
      String action,
      Tracker tracker,
      BotModel model,
      List<BotMessage> messages,
      List<String> actions,
      TurnBudget budget) {
    var form = model.domain().form(action);
    if (form.isEmpty() || tracker.activeLoop().filter(action::equals).isPresent()) {
      return true;
    }
    Optional<ActionOutcome> validation =
        FormValidation.validate(
            action, FormValidation.prefilled(form.get(), tracker), tracker, model, remote);
    if (validation.isPresent() && validation.get() instanceof ActionOutcome.Failed failed) {
      answerFailure("validate_" + action, failed.reason(), tracker, model, messages, actions);
      return false;
    }
    validation
        .flatMap(ActionOutcome::applicable)
        .ifPresent(
            result -> {
              say(result.responses(), tracker, model, messages, budget);
              tracker.appendAll(result.events());
            });
    return true;
  }

  /**
   * An action could not run: none of its events are applied, the user gets {@code utter_default}
   * (or the bot's apology) and the turn ends.
   */
  private static void answerFailure(
      String action,
      String reason,
      Tracker tracker,
      BotModel model,
      List<BotMessage> messages,
      List<String> actions) {
    LOG.warning(
        () ->
            String.format(
                "action %s of bot %s/%s could not run (%s); answering with %s",
                action, model.tenant(), model.bot(), reason, FALLBACK_RESPONSE));
    Optional<BotMessage> fallback =
        ResponseRenderer.render(FALLBACK_RESPONSE, model.domain(), tracker, Map.of());
    if (fallback.isPresent()) {
      actions.add(FALLBACK_RESPONSE);
      tracker.append(ActionExecuted.of(FALLBACK_RESPONSE, "action_server_failure", 1.0));
    }
    BotMessage message =
        fallback.orElseGet(() -> new BotMessage(model.apology(), null, null, null, null));
    messages.add(message);
    tracker.append(message.toEvent());
  }

  private static boolean endsTurn(String action) {
    return action.equals(CoreActionNames.RESTART)
        || action.equals(CoreActionNames.DEFAULT_FALLBACK)
        || action.equals(CoreActionNames.BACK)
        || action.equals(CoreActionNames.SESSION_START);
  }

  private static Optional<BotMessage> render(
      BotResponse response, Tracker tracker, BotModel model) {
    if (response.response() != null) {
      return ResponseRenderer.render(
          response.response(), model.domain(), tracker, response.arguments());
    }
    return Optional.of(
        new BotMessage(
            response.text(), response.buttons(), response.image(), response.custom(), null));
  }
}
