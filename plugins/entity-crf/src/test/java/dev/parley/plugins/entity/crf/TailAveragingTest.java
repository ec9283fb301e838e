package dev.parley.plugins.entity.crf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import org.junit.jupiter.api.Test;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

class TailAveragingTest {

  /** Hands the gradients through unchanged, so the weights are the running sum of them. */
  private static final class Unscaled implements StochasticGradientOptimiser {
    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
      return updates;
    }

    @Override
    public void reset() {}

    @Override
    public StochasticGradientOptimiser copy() {
      return new Unscaled();
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
      throw new UnsupportedOperationException();
    }
  }

  /** Trains a single weight with these updates as a CRF trainer does and returns the weight. */
  private static double train(StochasticGradientOptimiser optimiser, double... updates) {
    LinearParameters parameters = new LinearParameters(new DenseMatrix(1, 1));
    optimiser.initialise(parameters);
    for (double update : updates) {
      DenseMatrix gradient = new DenseMatrix(1, 1);
      gradient.set(0, 0, update);
      parameters.update(optimiser.step(new Tensor[] {gradient}, 1.0));
    }
    optimiser.finalise();
    return parameters.getWeightMatrix().get(0, 0);
  }

  @Test
  void averagesTheWeightsAfterEveryStep() {
    // the weights after each step are 1, 3, 6, 10
    assertEquals(10.0, train(new Unscaled(), 1, 2, 3, 4), 1e-12);
    assertEquals(5.0, train(new TailAveraging(new Unscaled(), 0), 1, 2, 3, 4), 1e-12);
  }

  @Test
  void leavesTheSkippedStepsOutOfTheAverage() {
    assertEquals(8.0, train(new TailAveraging(new Unscaled(), 2), 1, 2, 3, 4), 1e-12);
    assertEquals(10.0, train(new TailAveraging(new Unscaled(), 3), 1, 2, 3, 4), 1e-12);
    assertEquals(10.0, train(new TailAveraging(new Unscaled(), 9), 1, 2, 3, 4), 1e-12);
  }

  @Test
  void aCopyStartsAfresh() {
    // the average of 3, 6 and 10
    TailAveraging averaging = new TailAveraging(new Unscaled(), 1);
    assertEquals(19.0 / 3, train(averaging, 1, 2, 3, 4), 1e-12);
    averaging.reset();
    assertEquals(19.0 / 3, train(averaging.copy(), 1, 2, 3, 4), 1e-12);
    assertEquals(19.0 / 3, train(averaging, 1, 2, 3, 4), 1e-12);
  }

  @Test
  void negativeSkipsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new TailAveraging(new Unscaled(), -1));
  }
}
