package dev.parley.core.bot;

import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.NluDecision.StageVerdict;
import dev.parley.plugin.nlu.OutOfScope;
import dev.parley.plugin.nlu.ParseResult;
import dev.parley.plugin.nlu.RecheckOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bot's assembled NLU runtime: classifiers (the last one's ranking wins, as in Rasa), entity
 * extractors in pipeline order, then the confidence threshold. Below it the bot's re-check stages
 * run in order and the first confident one decides; what is still uncertain becomes {@code
 * nlu_fallback}. A message a classifier flags as out of scope ({@link OutOfScope}) becomes {@code
 * nlu_fallback} at once, decided by {@code oos}.
 *
 * <p>A runtime serves until it is {@link #retire() retired} by a newer version of its bot; its
 * workers that hold resources ({@link AutoCloseable}) are closed once the parses in flight finish.
 */
public final class NluRuntime {

  /** The intent of messages no classifier was confident about. */
  public static final String NLU_FALLBACK = "nlu_fallback";

  private final List<IntentClassifier> classifiers;
  private final List<EntityExtractor> extractors;
  private final List<RecheckStage> stages;
  private final double threshold;
  private final Optional<Double> ambiguityThreshold;
  private final int rankingLength;
  private final Optional<AutoThreshold.Choice> thresholdChoice;
  private final WorkerLease lease;

  NluRuntime(
      List<IntentClassifier> classifiers,
      List<EntityExtractor> extractors,
      double threshold,
      Optional<Double> ambiguityThreshold,
      int rankingLength) {
    this(classifiers, extractors, List.of(), threshold, ambiguityThreshold, rankingLength);
  }

  NluRuntime(
      List<IntentClassifier> classifiers,
      List<EntityExtractor> extractors,
      List<RecheckStage> stages,
      double threshold,
      Optional<Double> ambiguityThreshold,
      int rankingLength) {
    this(
        classifiers,
        extractors,
        stages,
        threshold,
        ambiguityThreshold,
        rankingLength,
        Optional.empty());
  }

  NluRuntime(
      List<IntentClassifier> classifiers,
      List<EntityExtractor> extractors,
      List<RecheckStage> stages,
      double threshold,
      Optional<Double> ambiguityThreshold,
      int rankingLength,
      Optional<AutoThreshold.Choice> thresholdChoice) {
    this.thresholdChoice = thresholdChoice;
    this.classifiers = List.copyOf(classifiers);
    this.extractors = List.copyOf(extractors);
    this.stages = List.copyOf(stages);
    this.threshold = threshold;
    this.ambiguityThreshold = ambiguityThreshold;
    this.rankingLength = rankingLength;
    List<Object> workers = new ArrayList<>(classifiers);
    workers.addAll(extractors);
    stages.forEach(stage -> workers.add(stage.worker()));
    this.lease = new WorkerLease(workers);
  }

  /**
   * Whether uncertain parses go to re-check stages (few-shot by embeddings or an LLM, which may be
   * a call outside the server).
   */
  public boolean rechecks() {
    return !stages.isEmpty();
  }

  /** The confidence below which the fallback chain runs and, failing it, {@code nlu_fallback}. */
  public double threshold() {
    return threshold;
  }

  /**
   * How {@code fallback_threshold: auto} chose {@link #threshold()}; empty when the bot sets a
   * number or no threshold could be chosen.
   */
  public Optional<AutoThreshold.Choice> thresholdChoice() {
    return thresholdChoice;
  }

  /** Parses a message, running re-check stages directly in this thread. */
  public ParseResult parse(Message message) {
    return parse(message, RecheckRunner.DIRECT);
  }

  /**
   * Parses a message, running re-check stages through {@code runner}.
   *
   * @throws RetiredPipelineException when a newer version replaced this one and its workers are
   *     closed
   */
  public ParseResult parse(Message message, RecheckRunner runner) {
    if (!lease.acquire()) {
      throw new RetiredPipelineException();
    }
    try {
      return parseLeased(message, runner);
    } finally {
      lease.release();
    }
  }

  /** Marks this version as replaced: its closeable workers close when no parse uses them. */
  public void retire() {
    lease.retire();
  }

  /** Whether the workers were closed after {@link #retire()}. */
  public boolean closed() {
    return lease.closed();
  }

  private ParseResult parseLeased(Message message, RecheckRunner runner) {
    List<IntentPrediction> ranking = List.of();
    for (IntentClassifier classifier : classifiers) {
      ranking = classifier.classify(message);
    }
    List<Entity> entities = new ArrayList<>();
    for (EntityExtractor extractor : extractors) {
      entities = new ArrayList<>(extractor.extract(message, entities));
    }
    if (!ranking.isEmpty() && ranking.get(0).name().equals(OutOfScope.INTENT)) {
      return fallback(
          message,
          cut(ranking.subList(1, ranking.size())),
          entities,
          new NluDecision(OutOfScope.DECIDED_BY, List.of()));
    }
    List<IntentPrediction> top = cut(ranking);
    if (confident(top)) {
      return RetrievalIntents.split(
          new ParseResult(message.text(), top.get(0), top, entities, null, null));
    }
    List<StageVerdict> verdicts = new ArrayList<>();
    String classifierTop = top.isEmpty() ? null : top.get(0).name();
    for (RecheckStage stage : stages) {
      RecheckRunner.Result result = runner.run(stage, message, ranking);
      RecheckOutcome outcome = result.outcome();
      Optional<IntentPrediction> first = outcome.ranking().stream().findFirst();
      boolean decided = result.failure().isEmpty() && outcome.confident() && first.isPresent();
      String verdict =
          result
              .failure()
              .orElse(
                  !decided
                      ? StageVerdict.UNDECIDED
                      : first.get().name().equals(classifierTop)
                          ? StageVerdict.CONFIRMED
                          : StageVerdict.CHANGED);
      verdicts.add(
          new StageVerdict(
              stage.id(),
              verdict,
              first.map(IntentPrediction::name).orElse(null),
              first.map(IntentPrediction::confidence).orElse(0.0)));
      if (decided) {
        List<IntentPrediction> shown = cut(outcome.ranking());
        return RetrievalIntents.split(
            new ParseResult(
                message.text(),
                shown.get(0),
                shown,
                entities,
                null,
                new NluDecision(stage.id(), verdicts)));
      }
    }
    return fallback(message, top, entities, new NluDecision(NluDecision.FALLBACK, verdicts));
  }

  private ParseResult fallback(
      Message message, List<IntentPrediction> top, List<Entity> entities, NluDecision decision) {
    IntentPrediction fallback = new IntentPrediction(NLU_FALLBACK, threshold);
    List<IntentPrediction> shown = new ArrayList<>();
    shown.add(fallback);
    shown.addAll(top.subList(0, Math.min(Math.max(0, rankingLength - 1), top.size())));
    return new ParseResult(message.text(), fallback, shown, entities, null, decision);
  }

  private List<IntentPrediction> cut(List<IntentPrediction> ranking) {
    return List.copyOf(ranking.subList(0, Math.min(rankingLength, ranking.size())));
  }

  private boolean confident(List<IntentPrediction> top) {
    if (top.isEmpty() || top.get(0).confidence() < threshold) {
      return false;
    }
    return ambiguityThreshold.isEmpty()
        || top.size() < 2
        || top.get(0).confidence() - top.get(1).confidence() >= ambiguityThreshold.get();
  }

  /** Thrown when a parse reaches a runtime whose workers were already closed. */
  public static final class RetiredPipelineException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RetiredPipelineException() {
      super("this model version was replaced and its workers are closed");
    }
  }
}
