package dev.parley.plugin.nlu;

import java.util.List;

/**
 * The verdict of one {@link IntentRecheck} stage.
 *
 * @param ranking the stage's ranking, best first; the original ranking when it has no opinion
 * @param confident whether the stage is sure of the first intent of {@code ranking}; when false the
 *     next stage runs, and after the last one the message becomes {@code nlu_fallback}
 */
public record RecheckOutcome(List<IntentPrediction> ranking, boolean confident) {

  /** Copies the ranking. */
  public RecheckOutcome {
    ranking = ranking == null ? List.of() : List.copyOf(ranking);
  }

  /** A stage that cannot tell: keeps the given ranking, not confident. */
  public static RecheckOutcome undecided(List<IntentPrediction> ranking) {
    return new RecheckOutcome(ranking, false);
  }

  /** A stage that is sure of the first intent of {@code ranking}. */
  public static RecheckOutcome decided(List<IntentPrediction> ranking) {
    return new RecheckOutcome(ranking, true);
  }
}
