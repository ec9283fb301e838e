package dev.parley.plugins.entity.crf;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * Wraps a gradient optimiser so that training ends with the average of the weights after each step
 * past the first {@code skippedSteps} (tail averaging), not the weights after the last step.
 *
 * <p>The weights after step {@code s} are {@code w_s = w_k + u_(k+1) + ... + u_s} for the updates
 * {@code u} past the skipped {@code k} steps, so the average over the {@code n} steps {@code k+1 ..
 * T} is {@code w_T - (1/n) Σ (s-k-1) u_s}: the wrapper keeps that weighted sum of the (sparse)
 * updates and subtracts it once at the end, instead of adding up dense weights at every step.
 */
final class TailAveraging implements StochasticGradientOptimiser {

  @Config(mandatory = true, description = "The optimiser that turns gradients into updates.")
  private StochasticGradientOptimiser inner;

  @Config(description = "How many first steps stay out of the average.")
  private long skippedSteps;

  private long steps;
  private Tensor[] weightedUpdates;
  private Parameters parameters;

  /**
   * @param inner the optimiser that turns gradients into updates
   * @param skippedSteps how many first steps stay out of the average (0: average over all)
   */
  TailAveraging(StochasticGradientOptimiser inner, long skippedSteps) {
    if (skippedSteps < 0) {
      throw new IllegalArgumentException("skipped steps must be >= 0");
    }
    this.inner = inner;
    this.skippedSteps = skippedSteps;
  }

  @Override
  public void initialise(Parameters parameters) {
    inner.initialise(parameters);
    this.parameters = parameters;
    this.weightedUpdates = parameters.getEmptyCopy();
    this.steps = 0;
  }

  @Override
  public Tensor[] step(Tensor[] gradients, double weight) {
    steps++;
    Tensor[] updates = inner.step(gradients, weight);
    double factor = steps - skippedSteps - 1;
    if (factor > 0) {
      for (int i = 0; i < updates.length; i++) {
        weightedUpdates[i].intersectAndAddInPlace(updates[i], value -> value * factor);
      }
    }
    return updates;
  }

  @Override
  public void finalise() {
    inner.finalise();
    double averaged = steps - skippedSteps;
    if (averaged > 1) {
      Tensor[] weights = parameters.get();
      for (int i = 0; i < weights.length; i++) {
        weights[i].intersectAndAddInPlace(weightedUpdates[i], value -> -value / averaged);
      }
    }
  }

  @Override
  public void reset() {
    inner.reset();
    steps = 0;
    weightedUpdates = null;
    parameters = null;
  }

  @Override
  public TailAveraging copy() {
    return new TailAveraging(inner.copy(), skippedSteps);
  }

  @Override
  public ConfiguredObjectProvenance getProvenance() {
    return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
  }

  @Override
  public String toString() {
    return "TailAveraging(optimiser=" + inner + ",skippedSteps=" + skippedSteps + ")";
  }
}
