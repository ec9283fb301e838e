package dev.parley.core.bot;

import dev.parley.plugin.nlu.HeldOutPrediction;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses {@code fallback_threshold: auto} from a classifier's held-out predictions: the lowest
 * threshold at which the predictions it would answer (confidence at or above it) are right at least
 * {@code targetPrecision} of the time, so as few messages as possible go to {@code nlu_fallback}
 * while the answered ones keep the target precision.
 */
public final class AutoThreshold {

  /** Fewer held-out predictions than this do not choose a threshold. */
  public static final int MIN_HELD_OUT = 30;

  private AutoThreshold() {}

  /**
   * The chosen threshold and what it did on the held-out examples.
   *
   * @param threshold the chosen threshold
   * @param targetPrecision the precision it had to keep
   * @param coverage the share of held-out examples it answers (not {@code nlu_fallback})
   * @param precision the share of answered held-out examples that were right
   * @param reliability the calibration of the held-out confidences
   */
  public record Choice(
      double threshold,
      double targetPrecision,
      double coverage,
      double precision,
      Reliability reliability) {

    /** A one-line summary for the training report. */
    public String summary() {
      return String.format(
          java.util.Locale.ROOT,
          "fallback_threshold: auto chose %.3f on %d held-out examples: expected coverage %.1f %%,"
              + " precision %.1f %% (target %.1f %%), calibration error (ECE) %.3f",
          threshold,
          reliability.count(),
          100 * coverage,
          100 * precision,
          100 * targetPrecision,
          reliability.ece());
    }
  }

  /**
   * The lowest threshold keeping {@code targetPrecision}; empty with too few predictions or when no
   * threshold reaches the target.
   */
  public static Optional<Choice> choose(List<HeldOutPrediction> heldOut, double targetPrecision) {
    if (heldOut.size() < MIN_HELD_OUT) {
      return Optional.empty();
    }
    List<HeldOutPrediction> sorted =
        heldOut.stream()
            .sorted(Comparator.comparingDouble(HeldOutPrediction::confidence).reversed())
            .toList();
    Optional<Choice> chosen = Optional.empty();
    int right = 0;
    Reliability reliability = Reliability.of(heldOut);
    for (int i = 0; i < sorted.size(); i++) {
      right += sorted.get(i).correct() ? 1 : 0;
      double confidence = sorted.get(i).confidence();
      boolean lastOfItsConfidence =
          i + 1 == sorted.size() || sorted.get(i + 1).confidence() < confidence;
      double precision = (double) right / (i + 1);
      if (lastOfItsConfidence && precision >= targetPrecision) {
        chosen =
            Optional.of(
                new Choice(
                    confidence,
                    targetPrecision,
                    (double) (i + 1) / sorted.size(),
                    precision,
                    reliability));
      }
    }
    return chosen;
  }
}
