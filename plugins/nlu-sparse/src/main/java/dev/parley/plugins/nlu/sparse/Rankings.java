package dev.parley.plugins.nlu.sparse;

import dev.parley.plugin.nlu.IntentPrediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns class probabilities into a ranking, best first. */
public final class Rankings {

  private Rankings() {}

  /** Every intent with its probability, best first. */
  public static List<IntentPrediction> of(List<String> intents, float[] probabilities) {
    List<IntentPrediction> ranking = new ArrayList<>(intents.size());
    for (int c = 0; c < intents.size(); c++) {
      ranking.add(new IntentPrediction(intents.get(c), probabilities[c]));
    }
    ranking.sort(Comparator.comparingDouble(IntentPrediction::confidence).reversed());
    return ranking;
  }
}
