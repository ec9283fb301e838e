package dev.parley.core.turn;

import dev.parley.core.bot.ActionRoute;
import dev.parley.core.bot.BotModel;
import dev.parley.core.tracker.Tracker;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.action.BotResponse;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.SlotSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The dialogue of one turn, once the user's message is in the tracker: extract slots, let the
 * active form validate them, then predict and run actions, saying their responses, until the bot
 * listens again. Live turns and story tests run this same code; a story test only differs in that
 * custom actions are not called (their effects come from the story's steps).
 */
public final class DialogueLoop {

  /** Rasa's {@code max_number_of_predictions}: after that many actions the bot listens. */
  static final int MAX_ACTIONS_PER_TURN = 10;

  private static final String FALLBACK_RESPONSE = "utter_default";
  private static final String FAILURE_POLICY = "action_server_failure";
  private static final Logger LOG = Logger.getLogger(DialogueLoop.class.getName());

  private final ReplyPhrasing phrasing;
  private final RemoteActions remote;
  private final boolean callsCustomActions;

  private DialogueLoop(ReplyPhrasing phrasing, RemoteActions remote, boolean callsCustomActions) {
    this.phrasing = phrasing;
    this.remote = remote;
    this.callsCustomActions = callsCustomActions;
  }

  /**
   * The loop of live turns: custom actions run in-process or on the bot's action server.
   *
   * @param phrasing the "say" step
   * @param remote the action servers
   */
  public static DialogueLoop live(ReplyPhrasing phrasing, RemoteActions remote) {
    return new DialogueLoop(phrasing, remote, true);
  }

  /**
   * The loop of story tests: responses are said as templates, forms are validated as live (through
   * {@code remote} where the validation runs on an action server), and other custom actions are
   * recorded without being called.
   */
  public static DialogueLoop replaying(RemoteActions remote) {
    return new DialogueLoop(ReplyPhrasing.TEMPLATES, remote, false);
  }

  /** Runs the dialogue after the user's message until the bot listens (not while paused). */
  void respond(TurnContext turn) {
    if (turn.tracker().paused()) {
      return;
    }
    understand(turn);
    while (true) {
      PolicyEnsemble.Choice choice = predict(turn);
      if (choice.action().equals(CoreActionNames.LISTEN)) {
        listen(turn, choice);
        return;
      }
      act(turn, choice);
    }
  }

  /**
   * Right after the user's message ({@code action_extract_slots}): extracts slots and lets the
   * active form's validation action check them. When the validation cannot run, nothing extracted
   * is kept, the user is told, and the bot listens next.
   */
  void understand(TurnContext turn) {
    Tracker tracker = turn.tracker();
    List<SlotSet> extracted = SlotFiller.extract(tracker, turn.model().domain());
    Optional<ActionOutcome> validation =
        tracker
            .activeLoop()
            .flatMap(
                form -> FormValidation.validate(form, extracted, tracker, turn.model(), remote));
    if (validation.isPresent() && validation.get() instanceof ActionOutcome.Failed failed) {
      answerFailure(turn, "validate_" + tracker.activeLoop().orElseThrow(), failed.reason());
      return;
    }
    tracker.appendAll(extracted);
    validation.flatMap(ActionOutcome::applicable).ifPresent(result -> apply(turn, result, false));
  }

  /**
   * The next action: listening when the turn must end, else a follow-up action the last one asked
   * for, else the policies' choice.
   */
  PolicyEnsemble.Choice predict(TurnContext turn) {
    Optional<PolicyEnsemble.Choice> forced = turn.forcedListen();
    if (forced.isPresent()) {
      return forced.get();
    }
    if (turn.predictions() >= MAX_ACTIONS_PER_TURN) {
      return new PolicyEnsemble.Choice(CoreActionNames.LISTEN, "core", 1.0);
    }
    Tracker tracker = turn.tracker();
    return tracker
        .followupAction()
        .map(name -> new PolicyEnsemble.Choice(name, "followup", 1.0))
        .orElseGet(() -> PolicyEnsemble.predict(tracker, turn.model()));
  }

  /**
   * Runs a predicted action other than listening: validates a form that activates, runs the action
   * where it runs, says its responses and applies its events. A rejection is recorded so that the
   * policies predict something else; a failure answers the user and ends the turn.
   *
   * @return how the action ended
   */
  Step act(TurnContext turn, PolicyEnsemble.Choice choice) {
    turn.countPrediction();
    String action = choice.action();
    if (!validateOnActivation(turn, action)) {
      return Step.FAILED;
    }
    ActionOutcome outcome = run(turn, action);
    if (outcome instanceof ActionOutcome.Failed failed) {
      answerFailure(turn, action, failed.reason());
      return Step.FAILED;
    }
    Optional<ActionResult> result = outcome.applicable();
    if (result.isEmpty()) {
      turn.tracker()
          .append(ActionExecutionRejected.of(action, choice.policy(), choice.confidence()));
      return Step.REJECTED;
    }
    turn.ran(action, choice.policy(), choice.confidence());
    apply(turn, result.get(), true);
    if (endsTurn(action)) {
      turn.forceListen(new PolicyEnsemble.Choice(CoreActionNames.LISTEN, "core", 1.0));
    }
    return Step.RAN;
  }

  /** How running a predicted action ended. */
  enum Step {
    /** It ran and its events were applied. */
    RAN,
    /** It rejected the turn; the policies predict again. */
    REJECTED,
    /** It could not run; the user was told and the bot listens next. */
    FAILED
  }

  /** The bot listens: the turn is over. */
  void listen(TurnContext turn, PolicyEnsemble.Choice choice) {
    turn.ran(CoreActionNames.LISTEN, choice.policy(), choice.confidence());
  }

  private ActionOutcome run(TurnContext turn, String action) {
    BotModel model = turn.model();
    ActionRoute route = model.route(action);
    if (!callsCustomActions && route.isCustom()) {
      return new ActionOutcome.Completed(ActionResult.empty());
    }
    if (route == ActionRoute.ACTION_SERVER) {
      return remote.run(action, turn.tracker(), model);
    }
    return ActionOutcome.of(ActionRunner.run(action, turn.tracker(), model));
  }

  /** When a form activates, its validation action checks the slots it starts with. */
  private boolean validateOnActivation(TurnContext turn, String action) {
    Tracker tracker = turn.tracker();
    BotModel model = turn.model();
    var form = model.domain().form(action);
    if (form.isEmpty() || tracker.activeLoop().filter(action::equals).isPresent()) {
      return true;
    }
    Optional<ActionOutcome> validation =
        FormValidation.validate(
            action, FormValidation.prefilled(form.get(), tracker), tracker, model, remote);
    if (validation.isPresent() && validation.get() instanceof ActionOutcome.Failed failed) {
      answerFailure(turn, "validate_" + action, failed.reason());
      return false;
    }
    validation.flatMap(ActionOutcome::applicable).ifPresent(result -> apply(turn, result, true));
    return true;
  }

  /** Says an action's responses (within the turn's budget, or as templates) and applies events. */
  private void apply(TurnContext turn, ActionResult result, boolean withinBudget) {
    TurnBudget budget = withinBudget ? turn.budget() : TurnBudget.ofMillis(0);
    for (BotResponse response : result.responses()) {
      render(response, turn)
          .map(message -> phrasing.phrase(message, turn.tracker(), turn.model(), budget))
          .ifPresent(turn::say);
    }
    turn.tracker().appendAll(result.events());
  }

  /**
   * An action could not run: none of its events are applied, the user gets {@code utter_default}
   * (or the bot's apology) and the bot listens next.
   */
  private static void answerFailure(TurnContext turn, String action, String reason) {
    BotModel model = turn.model();
    LOG.warning(
        () ->
            String.format(
                "action %s of bot %s/%s could not run (%s); answering with %s",
                action, model.tenant(), model.bot(), reason, FALLBACK_RESPONSE));
    Optional<BotMessage> fallback =
        ResponseRenderer.render(FALLBACK_RESPONSE, model.domain(), turn.tracker(), Map.of());
    if (fallback.isPresent()) {
      turn.actions().add(FALLBACK_RESPONSE);
      turn.tracker().append(ActionExecuted.of(FALLBACK_RESPONSE, FAILURE_POLICY, 1.0));
    }
    turn.say(fallback.orElseGet(() -> new BotMessage(model.apology(), null, null, null, null)));
    turn.forceListen(new PolicyEnsemble.Choice(CoreActionNames.LISTEN, FAILURE_POLICY, 1.0));
  }

  private static boolean endsTurn(String action) {
    return action.equals(CoreActionNames.RESTART)
        || action.equals(CoreActionNames.DEFAULT_FALLBACK)
        || action.equals(CoreActionNames.BACK)
        || action.equals(CoreActionNames.SESSION_START);
  }

  private static Optional<BotMessage> render(BotResponse response, TurnContext turn) {
    if (response.response() != null) {
      return ResponseRenderer.render(
          response.response(), turn.model().domain(), turn.tracker(), response.arguments());
    }
    return Optional.of(
        new BotMessage(
            response.text(), response.buttons(), response.image(), response.custom(), null));
  }
}
