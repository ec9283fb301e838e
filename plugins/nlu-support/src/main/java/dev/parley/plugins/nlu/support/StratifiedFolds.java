package dev.parley.plugins.nlu.support;

import dev.parley.plugin.bot.NluExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stratified split of a bot's examples into folds: each intent's examples are shuffled and
 * dealt round the folds, so every fold holds about the same share of every intent. An intent with a
 * single example is never held out (the models trained without it could not learn it).
 */
public final class StratifiedFolds {

  /** The fold of an example that is never held out. */
  public static final int ALWAYS_TRAINED = -1;

  private final int[] foldOf;
  private final int folds;

  private StratifiedFolds(int[] foldOf, int folds) {
    this.foldOf = foldOf;
    this.folds = folds;
  }

  /** Deals the examples into {@code folds} folds, with a fixed seed. */
  public static StratifiedFolds of(List<NluExample> examples, int folds) {
    Map<String, List<Integer>> byIntent = new LinkedHashMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byIntent.computeIfAbsent(examples.get(i).intent(), k -> new ArrayList<>()).add(i);
    }
    int[] foldOf = new int[examples.size()];
    Random random = new Random(1);
    int next = 0;
    for (List<Integer> members : byIntent.values()) {
      if (members.size() < 2) {
        foldOf[members.get(0)] = ALWAYS_TRAINED;
        continue;
      }
      Collections.shuffle(members, random);
      for (int index : members) {
        foldOf[index] = next++ % folds;
      }
    }
    return new StratifiedFolds(foldOf, folds);
  }

  /** How many folds there are. */
  public int folds() {
    return folds;
  }

  /** Whether example {@code index} is held out in {@code fold}. */
  public boolean heldOut(int index, int fold) {
    return foldOf[index] == fold;
  }
}
