package dev.parley.plugins.nlu.dense;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses the cascade's threshold on the sparse model's top confidence from held-out outcomes: the
 * lowest threshold at which the sparse model, on the held-out examples it would answer, is right at
 * least as often as the hybrid model is on the same examples. So on the held-out examples the
 * cascade is at least as accurate as the hybrid, while as many as possible skip the encoder. No
 * such threshold (or no outcomes): {@link #NEVER}, every parse goes to the hybrid.
 */
final class CascadeThreshold {

  /** A threshold no confidence reaches. */
  static final double NEVER = Double.POSITIVE_INFINITY;

  private CascadeThreshold() {}

  /**
   * One held-out example.
   *
   * @param sparseConfidence the sparse model's top confidence
   * @param sparseRight whether the sparse model's top intent was the gold one
   * @param hybridRight whether the hybrid model's top intent was the gold one
   */
  record Outcome(double sparseConfidence, boolean sparseRight, boolean hybridRight) {}

  /** The lowest threshold keeping the sparse model's answers at least as good as the hybrid's. */
  static double choose(List<Outcome> outcomes, double floor) {
    List<Outcome> sorted =
        outcomes.stream()
            .sorted(Comparator.comparingDouble(Outcome::sparseConfidence).reversed())
            .toList();
    double chosen = NEVER;
    int lead = 0; // sparse right minus hybrid right, over the examples at or above the threshold
    for (int i = 0; i < sorted.size(); i++) {
      Outcome outcome = sorted.get(i);
      lead += (outcome.sparseRight() ? 1 : 0) - (outcome.hybridRight() ? 1 : 0);
      boolean lastOfItsConfidence =
          i + 1 == sorted.size()
              || sorted.get(i + 1).sparseConfidence() < outcome.sparseConfidence();
      if (lastOfItsConfidence && lead >= 0 && outcome.sparseConfidence() >= floor) {
        chosen = outcome.sparseConfidence();
      }
    }
    return chosen;
  }
}
