package dev.parley.core.nlu;

import dev.parley.core.bot.RecheckStage;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import java.util.List;

/**
 * One call of a re-check stage for one bot.
 *
 * @param botKey {@code tenant/bot}
 * @param stage the stage
 * @param message the user's message
 * @param ranking the classifiers' ranking, kept when the stage fails
 */
public record RecheckCall(
    String botKey, RecheckStage stage, Message message, List<IntentPrediction> ranking) {

  /** The key of this stage's circuit breaker: one per bot and stage. */
  public String breakerKey() {
    return botKey + "/" + stage.id();
  }
}
