package dev.parley.core.bot;

/**
 * Where an import reports how far it got: parsing, training component i of n, storing, activating.
 */
@FunctionalInterface
public interface TrainingProgress {

  /** Reports nothing. */
  TrainingProgress NONE = (stage, step, steps) -> {};

  /**
   * Reports a stage.
   *
   * @param stage {@code parsing}, {@code training <component>}, {@code storing} or {@code
   *     activating}
   * @param step the component being trained (0-based) while training, else 0
   * @param steps the number of components to train while training, else 0
   */
  void report(String stage, int step, int steps);
}
