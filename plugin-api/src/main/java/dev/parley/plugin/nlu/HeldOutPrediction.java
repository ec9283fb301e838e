package dev.parley.plugin.nlu;

/**
 * What a classifier served for one of its own training examples that it held out while training
 * (see {@link SelfCalibrating}).
 *
 * @param confidence the (calibrated) confidence of the top intent it served
 * @param correct whether that intent was the example's own
 */
public record HeldOutPrediction(double confidence, boolean correct) {}
