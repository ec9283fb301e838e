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
 * @param averagedEpochs over how many last epochs the weights are averaged (0: the model keeps the
 *     weights after the last step; {@code epochs} or more: averaged over all steps)
 */
record CrfSettings(
    TagScheme.Style style,
    int window,
    int epochs,
    double learningRate,
    int batchSize,
    long seed,
    int averagedEpochs) {

  CrfSettings {
    if (window < 0 || epochs < 1 || learningRate <= 0 || batchSize < 1 || averagedEpochs < 0) {
      throw new IllegalArgumentException(
          "window >= 0, epochs >= 1, learning rate > 0, batch size >= 1 and averaged epochs >= 0"
              + " required");
    }
  }

  /** How many first gradient steps stay out of the averaged weights, for this many examples. */
  long stepsBeforeAveraging(int examples) {
    long stepsPerEpoch = (examples + batchSize - 1L) / batchSize;
    return Math.max(0, epochs - averagedEpochs) * stepsPerEpoch;
  }
}
