package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.IntentPrediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingsTest {

  @Test
  void rankingsAreAStableSortByProbabilityBestFirst() {
    Random random = new Random(4);
    for (int round = 0; round < 500; round++) {
      int classes = 1 + random.nextInt(90);
      List<String> intents = new ArrayList<>();
      float[] probabilities = new float[classes];
      for (int c = 0; c < classes; c++) {
        intents.add("intent" + c);
        // few distinct values, so ties are common; zeros, negative zero and ones too
        probabilities[c] =
            switch (random.nextInt(6)) {
              case 0 -> 0f;
              case 1 -> -0f;
              case 2 -> 1f;
              default -> random.nextInt(8) / 8f;
            };
      }
      assertEquals(stableSort(intents, probabilities), Rankings.of(intents, probabilities));
    }
  }

  @Test
  void scoresThatAreNotProbabilitiesAreStillRanked() {
    List<String> intents = List.of("a", "b", "c", "d");
    float[] scores = {-1f, 2f, Float.NaN, 0.5f};
    assertEquals(stableSort(intents, scores), Rankings.of(intents, scores));
  }

  private static List<IntentPrediction> stableSort(List<String> intents, float[] probabilities) {
    List<IntentPrediction> ranking = new ArrayList<>();
    for (int c = 0; c < intents.size(); c++) {
      ranking.add(new IntentPrediction(intents.get(c), probabilities[c]));
    }
    ranking.sort(Comparator.comparingDouble(IntentPrediction::confidence).reversed());
    return ranking;
  }
}
