package dev.parley.plugin.nlu;

import java.util.List;

/**
 * Implemented by an {@link IntentClassifier} that, while training, holds out part of the bot's
 * examples (or cross-validates a small bot), calibrates its confidences on them, and keeps what it
 * served for them. The server chooses the bot's {@code fallback_threshold: auto} from these and
 * reports the calibration error.
 *
 * <pre>{@code
 * if (classifier instanceof SelfCalibrating calibrated) {
 *   List<HeldOutPrediction> heldOut = calibrated.heldOut();
 * }
 * }</pre>
 */
public interface SelfCalibrating {

  /**
   * The calibrated top confidence and correctness of every held-out example of the trained or
   * loaded version; empty when it was not measured (too few examples, or a model stored before).
   */
  List<HeldOutPrediction> heldOut();
}
