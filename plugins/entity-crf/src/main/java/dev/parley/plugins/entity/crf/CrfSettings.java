package dev.parley.plugins.entity.crf;

/**
 * How the CRF is trained.
 *
 * @param style the tag style
 * @param window how many neighbouring tokens either side become features
 * @param epochs passes of AdaGrad over the examples
 * @param learningRate AdaGrad's initial learning rate
 * @param batchSize examples per gradient step
 * @param seed the seed of the shuffle of the examples before every epoch
 */
record CrfSettings(
    TagScheme.Style style, int window, int epochs, double learningRate, int batchSize, long seed) {

  CrfSettings {
    if (window < 0 || epochs < 1 || learningRate <= 0 || batchSize < 1) {
      throw new IllegalArgumentException(
          "window >= 0, epochs >= 1, learning rate > 0 and batch size >= 1 required");
    }
  }
}
