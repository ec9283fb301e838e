package dev.parley.core.admin;

import dev.parley.plugin.bot.NluExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits labelled examples into k folds with each intent spread evenly over them (stratified
 * k-fold, as scikit-learn's {@code StratifiedKFold} with shuffling): the examples of each intent
 * are shuffled with a fixed seed, so a split is repeatable, and dealt round-robin, continuing where
 * the previous intent stopped so the folds stay the same size.
 */
final class StratifiedFolds {

  /** The fewest folds that still hold data out. */
  static final int MIN_FOLDS = 2;

  /** The most folds the console may ask for. */
  static final int MAX_FOLDS = 10;

  private StratifiedFolds() {}

  /**
   * The folds: for each, the positions (in {@code examples}) of its held-out examples, ascending.
   *
   * @param k the number of folds, from {@link #MIN_FOLDS} to {@link #MAX_FOLDS}
   * @param seed the shuffling seed
   */
  static List<List<Integer>> split(List<NluExample> examples, int k, long seed) {
    if (k < MIN_FOLDS || k > MAX_FOLDS) {
      throw new IllegalArgumentException(
          "folds must be from " + MIN_FOLDS + " to " + MAX_FOLDS + ", not " + k);
    }
    Map<String, List<Integer>> byIntent = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byIntent.computeIfAbsent(examples.get(i).intent(), x -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    Random random = new Random(seed);
    int next = 0;
    for (List<Integer> positions : byIntent.values()) {
      Collections.shuffle(positions, random);
      for (int position : positions) {
        folds.get(next).add(position);
        next = (next + 1) % k;
      }
    }
    folds.forEach(Collections::sort);
    return folds.stream().map(List::copyOf).toList();
  }
}
