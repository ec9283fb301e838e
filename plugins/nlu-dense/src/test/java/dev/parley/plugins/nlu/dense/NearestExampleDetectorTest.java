package dev.parley.plugins.nlu.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestExampleDetectorTest {

  private static List<float[]> vectors(int count, int dimension, long seed) {
    Random random = new Random(seed);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] v = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        v[d] = (float) random.nextGaussian();
      }
      vectors.add(v);
    }
    return vectors;
  }

  private static double exactNearest(List<float[]> kept, float[] query) {
    float[] q = CentroidDetector.unit(query);
    double best = -1;
    for (float[] example : kept) {
      float[] e = CentroidDetector.unit(example);
      double dot = 0;
      for (int d = 0; d < q.length; d++) {
        dot += q[d] * e[d];
      }
      best = Math.max(best, dot);
    }
    return best;
  }

  @Test
  void scoresTheCosineOfTheNearestExample() {
    List<float[]> kept = vectors(200, 384, 1);
    NearestExampleDetector detector = NearestExampleDetector.fit(kept);
    assertEquals(200, detector.size());
    for (float[] query : vectors(20, 384, 2)) {
      assertEquals(exactNearest(kept, query), detector.similarity(query), 0.005);
    }
    // a kept example is its own nearest neighbour
    assertEquals(1.0, detector.similarity(kept.get(17)), 0.005);
  }

  @Test
  void theStoredDetectorScoresTheSame() {
    List<float[]> kept = vectors(50, 16, 3);
    NearestExampleDetector detector = NearestExampleDetector.fit(kept);
    NearestExampleDetector stored = NearestExampleDetector.decode(detector.encode());
    for (float[] query : vectors(10, 16, 4)) {
      assertEquals(detector.similarity(query), stored.similarity(query), 1e-9);
    }
  }

  @Test
  void withoutExamplesOrOfAnotherDimensionEverythingIsUnlike() {
    assertEquals(-1, NearestExampleDetector.fit(List.of()).similarity(new float[] {1, 0}));
    NearestExampleDetector detector = NearestExampleDetector.fit(vectors(3, 8, 5));
    assertTrue(detector.similarity(new float[] {1, 0}) == -1);
  }
}
