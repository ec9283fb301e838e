package dev.parley.cli;

import dev.parley.core.bot.BotModel;
import dev.parley.core.nlu.eval.NluEvaluation;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.OutOfScope;
import dev.parley.plugin.nlu.ParseResult;
import dev.parley.plugins.testkit.NoiseGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's confidence figures of one data set: argmax accuracy, accuracy as served at the
 * bot's threshold ({@code auto} unless the config sets one) and at a fixed 0.7, coverage, the
 * calibration error (ECE), out-of-scope recall where the test split labels {@code oos}, the
 * threshold chosen and, on a noisy copy of the test split ({@link NoiseGenerator}), argmax and
 * served accuracy.
 */
final class ConfidenceFigures {

  static final double FIXED_THRESHOLD = 0.7;
  static final long NOISE_SEED = 2026;

  private ConfidenceFigures() {}

  static Map<String, Object> of(
      BotModel model, List<NluExample> test, NluEvaluation evaluation, String language) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> calibration = evaluation.calibration().toMap();
    out.put("argmax_accuracy", calibration.get("argmax_accuracy"));
    out.put("served_accuracy", calibration.get("in_scope_accuracy"));
    out.put("coverage", calibration.get("coverage"));
    out.put("answered_precision", calibration.get("answered_precision"));
    out.put("ece", ((Map<?, ?>) calibration.get("calibration")).get("ece"));
    out.put("threshold", model.nlu().threshold());
    model
        .nlu()
        .thresholdChoice()
        .ifPresent(
            choice -> {
              out.put("expected_coverage", choice.coverage());
              out.put("expected_precision", choice.precision());
              out.put("held_out_ece", choice.reliability().ece());
            });
    out.put("accuracy_at_0_7", accuracyAt(test, evaluation, FIXED_THRESHOLD));
    Object oos = calibration.get("out_of_scope");
    if (oos instanceof Map<?, ?> section) {
      out.put("oos_recall", section.get("recall"));
      out.put("oos_flagged_by_detector", section.get("flagged_by_detector"));
    }
    out.put("decided_by", calibration.get("decided_by"));
    NoiseGenerator noise = new NoiseGenerator(NOISE_SEED);
    List<NluExample> noisy = new ArrayList<>();
    for (NluExample example : test) {
      noisy.add(new NluExample(noise.noisy(example.text(), language), example.intent(), List.of()));
    }
    Map<String, Object> noisyCalibration =
        NluEvaluation.run(noisy, text -> model.nlu().parse(new Message(text, language, Map.of())))
            .calibration()
            .toMap();
    out.put("noisy_argmax_accuracy", noisyCalibration.get("argmax_accuracy"));
    out.put("noisy_served_accuracy", noisyCalibration.get("in_scope_accuracy"));
    return out;
  }

  /**
   * In-scope accuracy had the bot a fixed threshold: the classifiers' top intent counts when its
   * confidence reaches it (and the detector did not flag the message).
   */
  private static double accuracyAt(List<NluExample> test, NluEvaluation evaluation, double at) {
    int inScope = 0;
    int right = 0;
    for (int i = 0; i < test.size(); i++) {
      String truth = test.get(i).intent();
      if (truth.equals("oos") || truth.equals("out_of_scope")) {
        continue;
      }
      inScope++;
      ParseResult result = evaluation.result(i);
      if (result.decision().decidedBy().equals(OutOfScope.DECIDED_BY)) {
        continue;
      }
      right +=
          result.intentRanking().stream()
                  .filter(p -> !p.name().equals("nlu_fallback"))
                  .findFirst()
                  .filter(p -> p.confidence() >= at && p.name().equals(truth))
                  .isPresent()
              ? 1
              : 0;
    }
    return inScope == 0 ? 0 : (double) right / inScope;
  }
}
