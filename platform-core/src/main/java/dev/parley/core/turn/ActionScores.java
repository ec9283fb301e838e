package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.RankedPolicy;
import dev.parley.plugin.conversation.ConversationView;
import dev.parley.plugin.policy.PolicyPrediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rasa's {@code scores} of a prediction: every action of the bot with a score. Parley's policies
 * each predict one action with a confidence, so an action's score is the highest confidence any
 * policy gave it, the chosen action has the ensemble's confidence, and every other action scores 0.
 */
public final class ActionScores {

  private ActionScores() {}

  /**
   * One action's score.
   *
   * @param action the action
   * @param score between 0 and 1
   */
  public record Score(String action, double score) {}

  /** The scores, best first, then by name (as Rasa sorts them). */
  static List<Score> of(
      ConversationView conversation,
      BotModel model,
      PolicyEnsemble.Choice chosen,
      List<String> actions) {
    Map<String, Double> scores = new HashMap<>();
    actions.forEach(action -> scores.put(action, 0.0));
    for (RankedPolicy ranked : model.policies()) {
      Optional<PolicyPrediction> prediction = ranked.policy().predict(conversation, model.domain());
      prediction.ifPresent(p -> scores.merge(p.action(), p.confidence(), Math::max));
    }
    scores.put(chosen.action(), chosen.confidence());
    List<Score> sorted = new ArrayList<>();
    scores.forEach((action, score) -> sorted.add(new Score(action, score)));
    sorted.sort(Comparator.comparingDouble(Score::score).reversed().thenComparing(Score::action));
    return sorted;
  }
}
