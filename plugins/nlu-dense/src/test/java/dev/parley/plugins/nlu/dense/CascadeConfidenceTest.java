package dev.parley.plugins.nlu.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CascadeConfidenceTest {

  /** 600 held-out examples: half answered by the sparse model (0.9), half by the hybrid. */
  private static List<CascadeCalibration.HeldOut> heldOut() {
    List<CascadeCalibration.HeldOut> outcomes = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      boolean sparse = i % 2 == 0;
      outcomes.add(
          new CascadeCalibration.HeldOut(
              sparse ? 0.9 : 0.4, i % 10 != 0, 0.6 + (i % 7) * 0.05, i % 5 != 1, i / 600.0));
    }
    return outcomes;
  }

  @Test
  void flagsAtMostTheGivenShareOfHeldOutExamples() {
    List<CascadeCalibration.HeldOut> outcomes = heldOut();
    CascadeConfidence confidence = CascadeConfidence.fit(outcomes, 0.8, 0.05);
    long flagged =
        outcomes.stream()
            .filter(o -> !o.sparseAnswers(0.8))
            .filter(o -> confidence.outOfScope(o.similarity()))
            .count();
    assertTrue(flagged <= 30 && flagged >= 25, "flagged " + flagged);
    assertEquals(600, confidence.heldOut().size());
    assertFalse(CascadeConfidence.fit(outcomes, 0.8, 0).oosCutoff().isPresent());
    assertFalse(
        CascadeConfidence.fit(outcomes.subList(0, 100), 0.8, 0.05).oosCutoff().isPresent(),
        "too few held-out examples for a detector");
  }

  @Test
  void examplesOfTheOutOfScopeIntentAreNotInTheBudget() {
    List<CascadeCalibration.HeldOut> outcomes = new ArrayList<>(heldOut());
    // 400 held-out examples of the bot's out_of_scope intent, all unlike its intents
    for (int i = 0; i < 400; i++) {
      outcomes.add(new CascadeCalibration.HeldOut(0.4, true, 0.6, true, -0.5 + i / 1000.0, false));
    }
    CascadeConfidence confidence = CascadeConfidence.fit(outcomes, 0.8, 0.05);
    long flagged =
        heldOut().stream()
            .filter(o -> !o.sparseAnswers(0.8))
            .filter(o -> confidence.outOfScope(o.similarity()))
            .count();
    assertTrue(flagged <= 30 && flagged >= 25, "in-scope flagged " + flagged);
  }

  @Test
  void theStoredCalibrationServesTheSame() {
    CascadeConfidence confidence = CascadeConfidence.fit(heldOut(), 0.8, 0.05);
    CascadeConfidence stored = CascadeConfidence.decode(confidence.encode());
    assertEquals(confidence.oosCutoff(), stored.oosCutoff());
    assertEquals(confidence.sparse().apply(0.9), stored.sparse().apply(0.9), 1e-12);
    assertEquals(confidence.hybrid().apply(0.7), stored.hybrid().apply(0.7), 1e-12);
    assertEquals(confidence.heldOut().size(), stored.heldOut().size());
    // the sparse model is right 90 % of the time at 0.9: its calibrated confidence says so
    assertEquals(0.9, confidence.sparse().apply(0.9), 0.02);
  }
}
