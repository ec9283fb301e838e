package dev.parley.plugin.nlu;

import java.util.List;

/**
 * One stage of the fallback chain that re-examines a message the classifiers were not confident
 * about (top confidence below the bot's threshold). Stages run in the order the bot lists them; the
 * first that returns a confident outcome decides. Usually also {@link dev.parley.plugin.Trainable},
 * to learn the bot's own examples. Implementations must be safe for concurrent use once trained or
 * loaded.
 */
public interface IntentRecheck {

  /**
   * Re-checks an uncertain message.
   *
   * @param message the user's message
   * @param ranking the classifiers' ranking, best first (may be empty)
   * @return this stage's verdict
   */
  RecheckOutcome recheck(Message message, List<IntentPrediction> ranking);
}
