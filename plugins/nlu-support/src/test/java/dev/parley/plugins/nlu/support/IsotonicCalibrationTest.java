package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.nlu.IntentPrediction;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsotonicCalibrationTest {

  /** An over-confident model: raw confidence c is right with chance c * c. */
  private static IsotonicCalibration overConfident() {
    Random random = new Random(7);
    int n = 4000;
    double[] confidences = new double[n];
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      confidences[i] = 0.3 + 0.7 * random.nextDouble();
      right[i] = random.nextDouble() < confidences[i] * confidences[i];
    }
    return IsotonicCalibration.fit(confidences, right);
  }

  @Test
  void mapsRawConfidenceToHowOftenItIsRight() {
    IsotonicCalibration calibration = overConfident();
    assertEquals(0.64, calibration.apply(0.8), 0.06);
    assertEquals(0.25, calibration.apply(0.5), 0.06);
    assertTrue(calibration.apply(0.9) >= calibration.apply(0.6), "monotone");
    assertTrue(calibration.apply(1.0) < 1.0, "never promises certainty");
  }

  @Test
  void theRankingKeepsItsOrderAndTheStoredMapServesTheSame() {
    IsotonicCalibration calibration = overConfident();
    List<IntentPrediction> ranking =
        calibration.apply(List.of(new IntentPrediction("a", 0.8), new IntentPrediction("b", 0.15)));
    assertEquals("a", ranking.get(0).name());
    assertTrue(ranking.get(0).confidence() > ranking.get(1).confidence());
    IsotonicCalibration stored = IsotonicCalibration.decode(calibration.encode());
    assertEquals(calibration.apply(0.77), stored.apply(0.77), 1e-12);
    assertEquals(0.42, IsotonicCalibration.identity().apply(0.42));
  }
}
