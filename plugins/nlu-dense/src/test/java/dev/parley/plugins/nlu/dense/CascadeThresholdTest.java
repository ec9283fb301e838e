package dev.parley.plugins.nlu.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugins.nlu.dense.CascadeThreshold.Outcome;
import dev.parley.plugins.nlu.support.StratifiedFolds;
import dev.parley.plugins.testkit.IntentBenchmarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CascadeThresholdTest {

  @Test
  void choosesTheLowestThresholdWhereTheSparseModelIsAsOftenRightAsTheHybrid() {
    List<Outcome> outcomes =
        List.of(
            new Outcome(0.95, true, true),
            new Outcome(0.90, true, false), // sparse leads by one
            new Outcome(0.80, false, true), // level again: 0.80 is acceptable
            new Outcome(0.60, false, true), // behind from here on
            new Outcome(0.50, true, true));
    assertEquals(0.80, CascadeThreshold.choose(outcomes, 0));
  }

  @Test
  void sparseAsGoodAsTheHybridEverywhereAnswersEverything() {
    List<Outcome> outcomes = List.of(new Outcome(0.9, true, true), new Outcome(0.2, true, false));
    assertEquals(0.2, CascadeThreshold.choose(outcomes, 0));
  }

  @Test
  void theFloorBoundsTheThresholdFromBelow() {
    List<Outcome> outcomes = List.of(new Outcome(0.9, true, true), new Outcome(0.2, true, false));
    assertEquals(0.9, CascadeThreshold.choose(outcomes, 0.5));
  }

  @Test
  void tiesAreAcceptedOrRejectedTogether() {
    List<Outcome> outcomes =
        List.of(
            new Outcome(0.9, true, true),
            new Outcome(0.7, true, true),
            new Outcome(0.7, false, true));
    assertEquals(0.9, CascadeThreshold.choose(outcomes, 0));
  }

  @Test
  void withoutOutcomesOrWhenTheSparseModelIsWorseEverywhereTheHybridAnswersAll() {
    assertEquals(CascadeThreshold.NEVER, CascadeThreshold.choose(List.of(), 0));
    assertEquals(
        CascadeThreshold.NEVER,
        CascadeThreshold.choose(List.of(new Outcome(0.99, false, true)), 0));
  }

  @Test
  void foldsAreStratifiedAndSingleExampleIntentsAreNeverHeldOut() {
    List<NluExample> examples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      examples.add(new NluExample("a" + i, "a", List.of()));
      examples.add(new NluExample("b" + i, "b", List.of()));
    }
    examples.add(new NluExample("lonely", "c", List.of()));
    StratifiedFolds folds = StratifiedFolds.of(examples, 5);
    for (int fold = 0; fold < 5; fold++) {
      int a = 0;
      int b = 0;
      for (int i = 0; i < examples.size(); i++) {
        if (folds.heldOut(i, fold)) {
          a += examples.get(i).intent().equals("a") ? 1 : 0;
          b += examples.get(i).intent().equals("b") ? 1 : 0;
          assertTrue(!examples.get(i).intent().equals("c"), "the single example was held out");
        }
      }
      assertEquals(2, a);
      assertEquals(2, b);
    }
  }

  @Test
  void cascadeFalseServesTheHybridAlone() throws Exception {
    Object classifier =
        IntentBenchmarks.create(
            new CascadeIntentClassifierFactory(), "en", Map.of("cascade", false));
    assertTrue(classifier instanceof EmbeddingIntentClassifier, classifier.getClass().getName());
    ((AutoCloseable) classifier).close();
  }
}
