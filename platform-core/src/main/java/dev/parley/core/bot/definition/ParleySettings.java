package dev.parley.core.bot.definition;

import java.util.List;
import java.util.Optional;

/**
 * Parley's own settings from the {@code parley:} section of {@code config.yml}.
 *
 * @param fallbackThreshold confidence below which the intent is {@code nlu_fallback}; empty for
 *     {@code auto} (the default): chosen at training from the classifier's held-out examples
 * @param rankingLength intents listed in {@code intent_ranking}
 * @param apology the sentence users get when a turn fails inside the server
 * @param publicBot whether channel calls need no API key
 * @param ambiguityThreshold minimum gap between the top two intents, if set
 * @param generator the LLM generator that rephrases responses, if the bot uses one
 * @param recheck the fallback chain's re-check stages, in order (none by default)
 * @param targetPrecision the precision {@code fallback_threshold: auto} keeps on held-out examples
 * @param oosIntent the bot's out-of-scope intent ({@code parley.nlu.oos_intent}; Rasa's {@code
 *     out_of_scope} when not set)
 */
public record ParleySettings(
    Optional<Double> fallbackThreshold,
    int rankingLength,
    String apology,
    boolean publicBot,
    Optional<Double> ambiguityThreshold,
    Optional<GeneratorSettings> generator,
    List<ComponentConfig> recheck,
    double targetPrecision,
    String oosIntent) {

  /** The out-of-scope intent of a bot that names none (Rasa's). */
  public static final String DEFAULT_OOS_INTENT = "out_of_scope";

  /** The precision an automatic threshold keeps when the bot sets none. */
  public static final double DEFAULT_TARGET_PRECISION = 0.95;

  /** Copies the stages. */
  public ParleySettings {
    recheck = recheck == null ? List.of() : List.copyOf(recheck);
  }

  /** The apology used when a bot sets none. */
  public static final String DEFAULT_APOLOGY =
      "Sorry, something went wrong on our side. Please try again in a moment.";
}
