package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.nlu.IntentPrediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

  /** An over-confident model: says 0.98 for its top intent and is right 70 % of the time. */
  private static List<TemperatureScaling.Sample> overConfident() {
    List<TemperatureScaling.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      List<IntentPrediction> ranking =
          List.of(
              new IntentPrediction("a", 0.98),
              new IntentPrediction("b", 0.01),
              new IntentPrediction("c", 0.01));
      samples.add(new TemperatureScaling.Sample(ranking, i % 10 < 7 ? "a" : "b"));
    }
    return samples;
  }

  @Test
  void anOverConfidentModelGetsATemperatureAboveOneAndConfidencesThatMatchItsAccuracy() {
    TemperatureScaling scaling = TemperatureScaling.fit(overConfident());
    assertTrue(scaling.temperature() > 1, "T = " + scaling.temperature());
    List<IntentPrediction> scaled = scaling.apply(overConfident().get(0).ranking());
    assertEquals(0.7, scaled.get(0).confidence(), 0.01);
    assertEquals("a", scaled.get(0).name());
    assertEquals(1.0, scaled.stream().mapToDouble(IntentPrediction::confidence).sum(), 1e-9);
  }

  @Test
  void anUnderConfidentModelGetsATemperatureBelowOne() {
    List<TemperatureScaling.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      samples.add(
          new TemperatureScaling.Sample(
              List.of(new IntentPrediction("a", 0.5), new IntentPrediction("b", 0.5 - 0.1)),
              i % 100 < 95 ? "a" : "b"));
    }
    TemperatureScaling scaling = TemperatureScaling.fit(samples);
    assertTrue(scaling.temperature() < 1, "T = " + scaling.temperature());
  }

  @Test
  void withoutUsableSamplesNothingChanges() {
    assertSame(TemperatureScaling.IDENTITY, TemperatureScaling.fit(List.of()));
    List<IntentPrediction> ranking = List.of(new IntentPrediction("a", 0.6));
    assertSame(ranking, TemperatureScaling.IDENTITY.apply(ranking));
    assertThrows(IllegalArgumentException.class, () -> new TemperatureScaling(0));
  }
}
