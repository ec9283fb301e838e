package dev.parley.plugins.nlu.support;

/**
 * The parameters of a linear classifier, row-major: logits = sparse · sparseWeights + dense ·
 * denseWeights + bias.
 *
 * @param sparseSize number of sparse features
 * @param denseSize length of the dense input (0 for none)
 * @param classes number of intents
 * @param sparseWeights {@code [sparseSize, classes]}
 * @param denseWeights {@code [denseSize, classes]}
 * @param bias {@code [classes]}
 */
public record LinearWeights(
    int sparseSize,
    int denseSize,
    int classes,
    float[] sparseWeights,
    float[] denseWeights,
    float[] bias) {}
