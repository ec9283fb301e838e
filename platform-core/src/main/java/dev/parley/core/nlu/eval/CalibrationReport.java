package dev.parley.core.nlu.eval;

import dev.parley.core.bot.NluRuntime;
import dev.parley.core.bot.Reliability;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.HeldOutPrediction;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.OutOfScope;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the confidences of parse results are worth against labelled examples: the classifiers' top
 * intent (argmax) accuracy whatever the threshold, the share answered (coverage) and the precision
 * of those answers, the reliability diagram and expected calibration error (ECE) of the top
 * confidences, and, when some examples are labelled out of scope ({@link #OUT_OF_SCOPE_LABELS}),
 * how many of them went to {@code nlu_fallback} or the bot's out-of-scope intent (recall).
 */
public final class CalibrationReport {

  /** Labels of examples the bot should not answer. */
  static final Set<String> OUT_OF_SCOPE_LABELS =
      Set.of("oos", "out_of_scope", NluRuntime.NLU_FALLBACK);

  private final List<NluExample> examples;
  private final List<ParseResult> results;

  /** The report of the results (same order as the examples). */
  public CalibrationReport(List<NluExample> examples, List<ParseResult> results) {
    this.examples = examples;
    this.results = results;
  }

  /** The classifiers' top intent, also when the result is {@code nlu_fallback}. */
  static Optional<IntentPrediction> classifierTop(ParseResult result) {
    return result.intentRanking().stream()
        .filter(p -> !p.name().equals(NluRuntime.NLU_FALLBACK))
        .filter(p -> !p.name().equals(OutOfScope.INTENT))
        .findFirst();
  }

  /** Whether examples with this label should not be answered. */
  static boolean outOfScope(String label) {
    return OUT_OF_SCOPE_LABELS.contains(label);
  }

  /** The report's fields, to add to {@code intent_evaluation}. */
  public Map<String, Object> toMap() {
    int inScope = 0;
    int argmaxRight = 0;
    int answered = 0;
    int answeredRight = 0;
    int oos = 0;
    int oosCaught = 0;
    int oosByDetector = 0;
    Map<String, Integer> decidedBy = new TreeMap<>();
    List<HeldOutPrediction> confidences = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      String truth = examples.get(i).intent();
      ParseResult result = results.get(i);
      decidedBy.merge(result.decision().decidedBy(), 1, Integer::sum);
      boolean fallback = result.intent().name().equals(NluRuntime.NLU_FALLBACK);
      if (outOfScope(truth)) {
        oos++;
        if (fallback || outOfScope(result.intent().name())) {
          oosCaught++;
        }
        if (result.decision().decidedBy().equals(OutOfScope.DECIDED_BY)) {
          oosByDetector++;
        }
        continue;
      }
      inScope++;
      Optional<IntentPrediction> top = classifierTop(result);
      boolean right = top.isPresent() && top.get().name().equals(truth);
      argmaxRight += right ? 1 : 0;
      top.ifPresent(p -> confidences.add(new HeldOutPrediction(p.confidence(), right)));
      if (!fallback) {
        answered++;
        answeredRight += result.intent().name().equals(truth) ? 1 : 0;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("argmax_accuracy", ratio(argmaxRight, inScope));
    out.put("coverage", ratio(answered, inScope));
    out.put("answered_precision", ratio(answeredRight, answered));
    out.put("in_scope_accuracy", ratio(answeredRight, inScope));
    out.put("calibration", calibration(Reliability.of(confidences)));
    out.put("decided_by", decidedBy);
    if (oos > 0) {
      Map<String, Object> section = new LinkedHashMap<>();
      section.put("examples", oos);
      section.put("recall", ratio(oosCaught, oos));
      section.put("flagged_by_detector", oosByDetector);
      out.put("out_of_scope", section);
    }
    return out;
  }

  private static Map<String, Object> calibration(Reliability reliability) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ece", reliability.ece());
    out.put("bins_total", Reliability.BINS);
    List<Map<String, Object>> bins = new ArrayList<>();
    for (Reliability.Bin bin : reliability.bins()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("lower", bin.lower());
      entry.put("upper", bin.upper());
      entry.put("count", bin.count());
      entry.put("confidence", bin.confidence());
      entry.put("accuracy", bin.accuracy());
      bins.add(entry);
    }
    out.put("reliability_diagram", bins);
    return out;
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
