package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.nlu.HeldOutPrediction;
import dev.parley.plugins.nlu.support.IsotonicCalibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cascade's calibrated confidence and out-of-scope cut-off, fitted on its held-out examples
 * ({@link CascadeCalibration}) once the cascade threshold is chosen: an isotonic map for each model
 * (the hybrid's on the examples it would answer when there are enough of them; none below {@link
 * #MIN_FOR_CALIBRATION} held-out examples), and the out-of-scope score ({@link OutOfScopeScore})
 * below which a message the hybrid answers is out of scope, chosen so that at most {@code
 * maxFlagged} of the held-out in-scope examples are flagged. Also keeps what the cascade would have
 * served for each held-out example ({@link #heldOut()}).
 *
 * @param sparse the sparse model's map
 * @param hybrid the hybrid model's map
 * @param oosCutoff flag a hybrid answer whose similarity is below this (empty: no detector)
 * @param heldOut the calibrated confidence and correctness served for each held-out example
 */
record CascadeConfidence(
    IsotonicCalibration sparse,
    IsotonicCalibration hybrid,
    Optional<Double> oosCutoff,
    List<HeldOutPrediction> heldOut) {

  /** With fewer held-out examples reaching the hybrid, its map is fitted on all of them. */
  static final int MIN_ROUTED = 50;

  /**
   * With fewer held-out examples the confidences are served as the models give them (the maps would
   * be noise), though the held-out predictions are still kept.
   */
  static final int MIN_FOR_CALIBRATION = 300;

  /** With fewer held-out examples the detector is not set: its cut-off would be noise. */
  static final int MIN_FOR_DETECTOR = 500;

  /** Copies the held-out predictions. */
  CascadeConfidence {
    heldOut = List.copyOf(heldOut);
  }

  /** No calibration: confidences as the models give them, no detector (models stored before). */
  static CascadeConfidence none() {
    return new CascadeConfidence(
        IsotonicCalibration.identity(),
        IsotonicCalibration.identity(),
        Optional.empty(),
        List.of());
  }

  /** Fits the maps and the cut-off for a cascade with the given threshold. */
  static CascadeConfidence fit(
      List<CascadeCalibration.HeldOut> outcomes, double threshold, double maxFlagged) {
    boolean enough = outcomes.size() >= MIN_FOR_CALIBRATION;
    List<CascadeCalibration.HeldOut> known =
        outcomes.stream().filter(CascadeCalibration.HeldOut::sparseKnown).toList();
    IsotonicCalibration sparse =
        !enough
            ? IsotonicCalibration.identity()
            : IsotonicCalibration.fit(
                known.stream().mapToDouble(CascadeCalibration.HeldOut::sparseConfidence).toArray(),
                rights(known, true));
    List<CascadeCalibration.HeldOut> routed =
        outcomes.stream().filter(o -> !o.sparseAnswers(threshold)).toList();
    List<CascadeCalibration.HeldOut> hybridFit = routed.size() >= MIN_ROUTED ? routed : outcomes;
    IsotonicCalibration hybrid =
        !enough
            ? IsotonicCalibration.identity()
            : IsotonicCalibration.fit(
                hybridFit.stream()
                    .mapToDouble(CascadeCalibration.HeldOut::hybridConfidence)
                    .toArray(),
                rights(hybridFit, false));
    Optional<Double> cutoff =
        cutoff(
            outcomes.stream().filter(CascadeCalibration.HeldOut::inScope).toList(),
            routed.stream().filter(CascadeCalibration.HeldOut::inScope).toList(),
            maxFlagged);
    List<HeldOutPrediction> heldOut = new ArrayList<>();
    for (CascadeCalibration.HeldOut o : outcomes) {
      heldOut.add(
          o.sparseAnswers(threshold)
              ? new HeldOutPrediction(sparse.apply(o.sparseConfidence()), o.sparseRight())
              : new HeldOutPrediction(hybrid.apply(o.hybridConfidence()), o.hybridRight()));
    }
    return new CascadeConfidence(sparse, hybrid, cutoff, heldOut);
  }

  /** Whether a message the hybrid answers, with this out-of-scope score, is out of scope. */
  boolean outOfScope(double similarity) {
    return oosCutoff.isPresent() && similarity < oosCutoff.get();
  }

  /**
   * The highest cut-off flagging at most {@code maxFlagged} of all held-out in-scope examples among
   * those the hybrid answers; empty for fewer than {@link #MIN_FOR_DETECTOR} of them.
   */
  private static Optional<Double> cutoff(
      List<CascadeCalibration.HeldOut> all,
      List<CascadeCalibration.HeldOut> routed,
      double maxFlagged) {
    int budget = (int) Math.floor(maxFlagged * all.size());
    if (all.size() < MIN_FOR_DETECTOR || budget < 1 || routed.isEmpty()) {
      return Optional.empty();
    }
    double[] similarities =
        routed.stream().mapToDouble(CascadeCalibration.HeldOut::similarity).sorted().toArray();
    if (budget >= similarities.length) {
      return Optional.empty(); // would flag every hybrid answer: not a detector
    }
    return Optional.of(similarities[budget]); // strictly below: at most `budget` flagged
  }

  private static boolean[] rights(List<CascadeCalibration.HeldOut> outcomes, boolean sparse) {
    boolean[] right = new boolean[outcomes.size()];
    for (int i = 0; i < right.length; i++) {
      right[i] = sparse ? outcomes.get(i).sparseRight() : outcomes.get(i).hybridRight();
    }
    return right;
  }

  /** The calibration as text, for the model storage. */
  String encode() {
    StringBuilder text = new StringBuilder();
    text.append("sparse ").append(sparse.encode()).append('\n');
    text.append("hybrid ").append(hybrid.encode()).append('\n');
    text.append("oos ")
        .append(oosCutoff.map(c -> String.format(Locale.ROOT, "%.17g", c)).orElse(""));
    text.append('\n').append("heldout");
    for (HeldOutPrediction p : heldOut) {
      text.append(String.format(Locale.ROOT, " %.6f:%d", p.confidence(), p.correct() ? 1 : 0));
    }
    return text.append('\n').toString();
  }

  /** Reads a calibration written by {@link #encode()}. */
  static CascadeConfidence decode(String text) {
    IsotonicCalibration sparse = IsotonicCalibration.identity();
    IsotonicCalibration hybrid = IsotonicCalibration.identity();
    Optional<Double> cutoff = Optional.empty();
    List<HeldOutPrediction> heldOut = new ArrayList<>();
    for (String line : text.split("\n")) {
      int space = line.indexOf(' ');
      String key = space < 0 ? line : line.substring(0, space);
      String value = space < 0 ? "" : line.substring(space + 1).trim();
      switch (key) {
        case "sparse" -> sparse = IsotonicCalibration.decode(value);
        case "hybrid" -> hybrid = IsotonicCalibration.decode(value);
        case "oos" ->
            cutoff = value.isEmpty() ? Optional.empty() : Optional.of(Double.parseDouble(value));
        case "heldout" ->
            Arrays.stream(value.split(" "))
                .filter(p -> !p.isEmpty())
                .map(p -> p.split(":"))
                .forEach(
                    p ->
                        heldOut.add(
                            new HeldOutPrediction(Double.parseDouble(p[0]), p[1].equals("1"))));
        default -> {
          // a later version's line: ignored
        }
      }
    }
    return new CascadeConfidence(sparse, hybrid, cutoff, heldOut);
  }
}
