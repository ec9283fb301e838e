package dev.parley.plugins.nlu.support;

import dev.parley.plugin.nlu.IntentPrediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns class probabilities into a ranking, best first. */
public final class Rankings {

  private Rankings() {}

  /**
   * Every intent with its probability, best first; equal probabilities keep the intents' order.
   * Probabilities are non-negative, so their float bits order as they do (and as {@link
   * Double#compare} does): each class is sorted as one long (bits, then the complement of its
   * position) instead of through a comparator.
   */
  public static List<IntentPrediction> of(List<String> intents, float[] probabilities) {
    int classes = intents.size();
    long[] keys = new long[classes];
    for (int c = 0; c < classes; c++) {
      float p = probabilities[c];
      if (!(p >= 0)) {
        return byComparator(intents, probabilities);
      }
      // -0 has the sign bit set, so its key is negative and it ranks below 0, as Double.compare has
      keys[c] = ((long) Float.floatToIntBits(p) << 32) | (0xffffffffL - c);
    }
    Arrays.sort(keys);
    List<IntentPrediction> ranking = new ArrayList<>(classes);
    for (int k = classes - 1; k >= 0; k--) {
      int c = (int) (0xffffffffL - (keys[k] & 0xffffffffL));
      ranking.add(new IntentPrediction(intents.get(c), probabilities[c]));
    }
    return ranking;
  }

  /** The general order, for inputs that are not probabilities (negative or NaN). */
  private static List<IntentPrediction> byComparator(List<String> intents, float[] probabilities) {
    List<IntentPrediction> ranking = new ArrayList<>(intents.size());
    for (int c = 0; c < intents.size(); c++) {
      ranking.add(new IntentPrediction(intents.get(c), probabilities[c]));
    }
    ranking.sort(java.util.Comparator.comparingDouble(IntentPrediction::confidence).reversed());
    return ranking;
  }
}
