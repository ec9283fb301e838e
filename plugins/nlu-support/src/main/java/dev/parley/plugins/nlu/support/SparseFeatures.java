package dev.parley.plugins.nlu.support;

/**
 * A sparse feature vector: indices into a {@link FeatureSpace} and their weights.
 *
 * @param indices feature indices, ascending, distinct
 * @param values the weights, same length
 */
public record SparseFeatures(int[] indices, float[] values) {

  /** How many features are set. */
  public int size() {
    return indices.length;
  }
}
