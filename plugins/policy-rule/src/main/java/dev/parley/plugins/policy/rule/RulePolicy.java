package dev.parley.plugins.policy.rule;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.ActionExecutionRejected;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.PolicyPrediction;
import dev.parley.plugins.dialogue.Artifacts;
import dev.parley.plugins.dialogue.Element;
import dev.parley.plugins.dialogue.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Predicts from rules, runs active loops (forms) as Rasa does, and falls back to the core fallback
 * action when the user said something no policy is sure about.
 */
final class RulePolicy implements DialoguePolicy, Trainable {

  private static final String PATTERNS = "rules";

  private final RulePolicySettings settings;
  private List<RulePattern> patterns = List.of();

  RulePolicy(RulePolicySettings settings) {
    this.settings = settings;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    patterns = RuleCompiler.compile(data.rules(), settings.checkContradictions());
    Artifacts.write(storage, PATTERNS, new ArrayList<>(patterns));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void load(ModelStorage storage) {
    patterns = List.copyOf(Artifacts.read(storage, PATTERNS, ArrayList.class, RulePolicy.class));
  }

  @Override
  public Optional<PolicyPrediction> predict(ConversationView conversation, Domain domain) {
    TurnPosition position = TurnPosition.of(conversation.sessionEvents());
    Optional<PolicyPrediction> loop = predictLoop(conversation, position);
    if (loop.isPresent()) {
      return loop;
    }
    List<Element> elements = Elements.ofEvents(conversation.sessionEvents(), false);
    RulePattern best = null;
    for (RulePattern pattern : patterns) {
      if ((best == null || pattern.length() > best.length())
          && RuleMatcher.matches(pattern, elements, conversation)) {
        best = pattern;
      }
    }
    if (best != null) {
      return Optional.of(new PolicyPrediction(best.action(), 1.0));
    }
    if (!settings.enableFallbackPrediction()) {
      return Optional.empty();
    }
    String fallback = position.userJustSpoke() ? settings.fallbackAction() : Elements.ACTION_LISTEN;
    return Optional.of(new PolicyPrediction(fallback, settings.fallbackThreshold()));
  }

  private static Optional<PolicyPrediction> predictLoop(
      ConversationView conversation, TurnPosition position) {
    Optional<String> active = conversation.activeLoop();
    if (active.isEmpty()) {
      return Optional.empty();
    }
    String loop = active.get();
    if (position.latestAction().filter(loop::equals).isPresent()) {
      return Optional.of(new PolicyPrediction(Elements.ACTION_LISTEN, 1.0));
    }
    if (position.userJustSpoke() && !position.rejected().contains(loop)) {
      return Optional.of(new PolicyPrediction(loop, 1.0));
    }
    if (position.rejected().contains(loop) && position.actedSinceRejection()) {
      return Optional.of(new PolicyPrediction(loop, 1.0));
    }
    return Optional.empty();
  }

  /**
   * Where the conversation stands since the latest user message.
   *
   * @param userJustSpoke no action has run since the latest user message
   * @param latestAction the latest action since that message, if any
   * @param rejected actions rejected since that message
   * @param actedSinceRejection whether an action ran after the latest rejection
   */
  private record TurnPosition(
      boolean userJustSpoke,
      Optional<String> latestAction,
      List<String> rejected,
      boolean actedSinceRejection) {

    static TurnPosition of(List<Event> events) {
      List<String> rejected = new ArrayList<>();
      Optional<String> latest = Optional.empty();
      boolean acted = false;
      boolean actedAfterRejection = false;
      for (int i = events.size() - 1; i >= 0; i--) {
        Event event = events.get(i);
        if (event instanceof UserUttered) {
          break;
        }
        if (event instanceof ActionExecuted action
            && !action.name().equals(Elements.ACTION_LISTEN)) {
          if (latest.isEmpty()) {
            latest = Optional.of(action.name());
          }
          acted = true;
          if (rejected.isEmpty()) {
            actedAfterRejection = true;
          }
        } else if (event instanceof ActionExecutionRejected rejection) {
          rejected.add(rejection.name());
        }
      }
      return new TurnPosition(!acted, latest, rejected, actedAfterRejection && !rejected.isEmpty());
    }
  }
}
