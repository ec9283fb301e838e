package dev.parley.core.bot;

import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bot's NLU: classifiers (the last one's ranking wins, as in Rasa), entity extractors in pipeline
 * order, then the confidence threshold that turns uncertain input into {@code nlu_fallback}.
 */
public final class NluPipeline {

  /** The intent of messages no classifier was confident about. */
  public static final String NLU_FALLBACK = "nlu_fallback";

  private final List<IntentClassifier> classifiers;
  private final List<EntityExtractor> extractors;
  private final double threshold;
  private final Optional<Double> ambiguityThreshold;
  private final int rankingLength;

  NluPipeline(
      List<IntentClassifier> classifiers,
      List<EntityExtractor> extractors,
      double threshold,
      Optional<Double> ambiguityThreshold,
      int rankingLength) {
    this.classifiers = List.copyOf(classifiers);
    this.extractors = List.copyOf(extractors);
    this.threshold = threshold;
    this.ambiguityThreshold = ambiguityThreshold;
    this.rankingLength = rankingLength;
  }

  /** The confidence below which a message becomes {@code nlu_fallback}. */
  public double threshold() {
    return threshold;
  }

  /** Parses a message. */
  public ParseResult parse(Message message) {
    List<IntentPrediction> ranking = List.of();
    for (IntentClassifier classifier : classifiers) {
      ranking = classifier.classify(message);
    }
    List<Entity> entities = new ArrayList<>();
    for (EntityExtractor extractor : extractors) {
      entities = new ArrayList<>(extractor.extract(message, entities));
    }
    List<IntentPrediction> top = ranking.subList(0, Math.min(rankingLength, ranking.size()));
    IntentPrediction intent = decide(top);
    List<IntentPrediction> shown = top;
    if (intent.name().equals(NLU_FALLBACK)) {
      shown = new ArrayList<>();
      shown.add(intent);
      shown.addAll(top.subList(0, Math.min(Math.max(0, rankingLength - 1), top.size())));
    }
    return RetrievalIntents.split(new ParseResult(message.text(), intent, shown, entities));
  }

  private IntentPrediction decide(List<IntentPrediction> top) {
    if (top.isEmpty() || top.get(0).confidence() < threshold) {
      return new IntentPrediction(NLU_FALLBACK, threshold);
    }
    if (ambiguityThreshold.isPresent()
        && top.size() > 1
        && top.get(0).confidence() - top.get(1).confidence() < ambiguityThreshold.get()) {
      return new IntentPrediction(NLU_FALLBACK, threshold);
    }
    return top.get(0);
  }
}
