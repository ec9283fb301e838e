package dev.parley.core.nlu.eval;

import dev.parley.core.nlu.eval.EntityReport.Span;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Evaluates parse results against labelled examples and builds the report in the shape of Rasa's
 * {@code /model/test/intents}: {@code intent_evaluation} ({@code accuracy}, weighted {@code
 * precision} and {@code f1_score}, scikit-learn's {@code report}, misclassified {@code errors} with
 * their ranking, optionally all {@code predictions}, and Parley's {@code confusion_matrix}, {@code
 * argmax_accuracy}, {@code coverage}, {@code answered_precision}, {@code calibration} with the ECE
 * and reliability diagram, and {@code out_of_scope} recall: see {@link CalibrationReport}) and
 * {@code entity_evaluation} (per extractor and {@code overall}, exact span match).
 */
public final class NluEvaluation {

  private final List<NluExample> examples;
  private final List<ParseResult> results;

  private NluEvaluation(List<NluExample> examples, List<ParseResult> results) {
    this.examples = examples;
    this.results = results;
  }

  /** Parses every example's text and keeps the results. */
  public static NluEvaluation run(List<NluExample> examples, Function<String, ParseResult> parser) {
    List<ParseResult> results = new ArrayList<>(examples.size());
    for (NluExample example : examples) {
      results.add(parser.apply(example.text()));
    }
    return new NluEvaluation(List.copyOf(examples), results);
  }

  /** Evaluates results already computed (same order as the examples). */
  public static NluEvaluation of(List<NluExample> examples, List<ParseResult> results) {
    return new NluEvaluation(List.copyOf(examples), List.copyOf(results));
  }

  /** The intent report. */
  public ClassificationReport intents() {
    return ClassificationReport.of(truth(), predicted());
  }

  /** The confusion matrix of intents. */
  public ConfusionMatrix confusion() {
    return ConfusionMatrix.of(truth(), predicted());
  }

  /** The parse result of the example at {@code index}. */
  public ParseResult result(int index) {
    return results.get(index);
  }

  /** Argmax accuracy, coverage, calibration (ECE) and out-of-scope recall. */
  public CalibrationReport calibration() {
    return new CalibrationReport(examples, results);
  }

  /** Whether any example has labelled entities. */
  public boolean entitiesLabelled() {
    return examples.stream().anyMatch(e -> !e.entities().isEmpty());
  }

  /** The entity report over all extractors together. */
  public EntityReport entities() {
    return entities(null);
  }

  /** The entity report of one extractor ({@code null}: all together). */
  public EntityReport entities(String extractor) {
    List<Set<Span>> truth = new ArrayList<>();
    List<Set<Span>> predicted = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      truth.add(
          EntityReport.spans(
              examples.get(i).entities().stream()
                  .map(a -> new Span(a.start(), a.end(), a.entity()))
                  .toList()));
      predicted.add(
          EntityReport.spans(
              results.get(i).entities().stream()
                  .filter(e -> extractor == null || extractor.equals(e.extractor()))
                  .map(e -> new Span(e.start(), e.end(), e.entity()))
                  .toList()));
    }
    return EntityReport.of(truth, predicted);
  }

  /** The full report; {@code withPredictions} adds every prediction, not only the errors. */
  public Map<String, Object> report(boolean withPredictions) {
    ClassificationReport intents = intents();
    Map<String, Object> intent = new LinkedHashMap<>();
    intent.put("report", intents.toMap());
    intent.put("accuracy", intents.accuracy());
    intent.put("precision", intents.weightedAverage().precision());
    intent.put("f1_score", intents.weightedAverage().f1());
    intent.put("macro_f1", intents.macroAverage().f1());
    intent.put("errors", errors());
    if (withPredictions) {
      intent.put("predictions", predictions());
    }
    intent.put("confusion_matrix", confusion().toMap());
    intent.putAll(calibration().toMap());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("intent_evaluation", intent);
    report.put("entity_evaluation", entityEvaluation());
    report.put("examples", examples.size());
    return report;
  }

  private Map<String, Object> entityEvaluation() {
    Map<String, Object> out = new LinkedHashMap<>();
    TreeSet<String> extractors = new TreeSet<>();
    results.forEach(
        r ->
            r.entities().stream()
                .map(Entity::extractor)
                .filter(x -> x != null)
                .forEach(extractors::add));
    for (String extractor : extractors) {
      out.put(extractor, entitySection(entities(extractor)));
    }
    out.put("overall", entitySection(entities()));
    return out;
  }

  private static Map<String, Object> entitySection(EntityReport report) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("report", report.toMap());
    section.put("precision", report.micro().precision());
    section.put("recall", report.micro().recall());
    section.put("f1_score", report.micro().f1());
    return section;
  }

  private List<Map<String, Object>> errors() {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (!examples.get(i).intent().equals(results.get(i).intent().name())) {
        errors.add(prediction(i));
      }
    }
    return errors;
  }

  private List<Map<String, Object>> predictions() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      all.add(prediction(i));
    }
    return all;
  }

  private Map<String, Object> prediction(int i) {
    ParseResult result = results.get(i);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("text", examples.get(i).text());
    entry.put("intent", examples.get(i).intent());
    entry.put("intent_prediction", prediction(result.intent()));
    entry.put(
        "intent_ranking", result.intentRanking().stream().map(NluEvaluation::prediction).toList());
    entry.put("decided_by", result.decision().decidedBy());
    return entry;
  }

  private static Map<String, Object> prediction(IntentPrediction p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("confidence", p.confidence());
    return out;
  }

  private List<String> truth() {
    return examples.stream().map(NluExample::intent).toList();
  }

  private List<String> predicted() {
    return results.stream().map(r -> r.intent().name()).toList();
  }
}
