package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.nlu.HeldOutPrediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoThresholdTest {

  /** 100 predictions: confidence i/100, right when i >= 20 and for every other one below. */
  private static List<HeldOutPrediction> heldOut() {
    List<HeldOutPrediction> heldOut = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      heldOut.add(new HeldOutPrediction(i / 100.0, i >= 20 || i % 2 == 0));
    }
    return heldOut;
  }

  @Test
  void choosesTheLowestThresholdKeepingTheTargetPrecision() {
    AutoThreshold.Choice choice = AutoThreshold.choose(heldOut(), 0.95).orElseThrow();
    // at 0.11 the 89 answered hold 80 + 4 right (0.944); at 0.12, 84 of 88 (0.955)
    assertEquals(0.12, choice.threshold(), 1e-9);
    assertEquals(0.88, choice.coverage(), 1e-9);
    assertEquals(84.0 / 88, choice.precision(), 1e-9);
  }

  @Test
  void aPerfectClassifierAnswersEverything() {
    List<HeldOutPrediction> heldOut = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      heldOut.add(new HeldOutPrediction(0.5 + i / 100.0, true));
    }
    AutoThreshold.Choice choice = AutoThreshold.choose(heldOut, 0.95).orElseThrow();
    assertEquals(0.5, choice.threshold(), 1e-9);
    assertEquals(1.0, choice.coverage(), 1e-9);
  }

  @Test
  void tooFewHeldOutExamplesOrAnUnreachableTargetChooseNothing() {
    assertTrue(AutoThreshold.choose(heldOut().subList(0, 10), 0.95).isEmpty());
    List<HeldOutPrediction> wrong = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      wrong.add(new HeldOutPrediction(0.9, i % 2 == 0));
    }
    assertTrue(AutoThreshold.choose(wrong, 0.95).isEmpty());
  }

  @Test
  void expectedCalibrationErrorIsTheWeightedGapOfTheBins() {
    // 10 predictions at 0.9, 9 right: calibrated; 10 at 0.5, all right: a gap of 0.5
    List<HeldOutPrediction> predictions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      predictions.add(new HeldOutPrediction(0.9, i < 9));
      predictions.add(new HeldOutPrediction(0.5, true));
    }
    Reliability reliability = Reliability.of(predictions);
    assertEquals(0.25, reliability.ece(), 1e-9);
    assertEquals(2, reliability.bins().size());
    assertEquals(0.9, reliability.bins().get(1).accuracy(), 1e-9);
  }
}
