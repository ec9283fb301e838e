package dev.parley.plugins.nlu.finetune;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import dev.parley.plugins.nlu.support.Rankings;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One model version's mix of an n-gram classifier's probabilities into the fine-tuned encoder's:
 * weight · n-gram + (1 − weight) · fine-tuned, per intent. The two err on different inputs (surface
 * n-grams against a contextual encoding). The n-gram model and its weight are stored beside the
 * fine-tuned model, so a version serves the mix it was trained with, and a version trained without
 * one serves the encoder alone.
 */
final class NgramBlend implements AutoCloseable {

  static final String WEIGHT = "finetune.ngram_weight";

  private final double weight;
  private final Optional<SparseIntentClassifier> ngrams;

  private NgramBlend(double weight, Optional<SparseIntentClassifier> ngrams) {
    this.weight = weight;
    this.ngrams = ngrams;
  }

  /** No mixing: the fine-tuned probabilities as they are. */
  static NgramBlend off() {
    return new NgramBlend(0, Optional.empty());
  }

  /**
   * Checks a configured weight: 0 (off) to 1.
   *
   * @throws PluginException for a weight outside that range
   */
  static double checkWeight(double weight) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new PluginException("ngram_weight must be between 0 and 1, not " + weight);
    }
    return weight;
  }

  /** Trains a new n-gram model (when {@code weight} is above 0) and stores it with its weight. */
  static NgramBlend train(
      double weight,
      Supplier<SparseIntentClassifier> models,
      TrainingData data,
      ModelStorage storage) {
    if (weight == 0) {
      return off();
    }
    SparseIntentClassifier model = models.get();
    model.train(data, storage);
    storage.write(WEIGHT, Double.toString(weight).getBytes(StandardCharsets.UTF_8));
    return new NgramBlend(weight, Optional.of(model));
  }

  /** The stored version's mix; off when it was trained without one. */
  static NgramBlend load(Supplier<SparseIntentClassifier> models, ModelStorage storage) {
    Optional<byte[]> stored = storage.read(WEIGHT);
    if (stored.isEmpty()) {
      return off();
    }
    double weight;
    try {
      weight = checkWeight(Double.parseDouble(new String(stored.get(), StandardCharsets.UTF_8)));
    } catch (NumberFormatException e) {
      throw new PluginException("the stored n-gram weight is unreadable", e);
    }
    SparseIntentClassifier model = models.get();
    model.load(storage);
    return new NgramBlend(weight, Optional.of(model));
  }

  /** The ranking of the mixed probabilities, best first. */
  List<IntentPrediction> rank(List<String> intents, float[] fineTuned, Message message) {
    if (ngrams.isEmpty()) {
      return Rankings.of(intents, fineTuned);
    }
    Map<String, Double> ngramProbabilities = new HashMap<>();
    for (IntentPrediction prediction : ngrams.get().classify(message)) {
      ngramProbabilities.put(prediction.name(), prediction.confidence());
    }
    if (ngramProbabilities.isEmpty()) {
      // no known n-gram in the message: the n-gram model has no opinion
      return Rankings.of(intents, fineTuned);
    }
    float[] mixed = new float[fineTuned.length];
    for (int i = 0; i < mixed.length; i++) {
      double ngram = ngramProbabilities.getOrDefault(intents.get(i), 0.0);
      mixed[i] = (float) ((1 - weight) * fineTuned[i] + weight * ngram);
    }
    return Rankings.of(intents, mixed);
  }

  @Override
  public void close() {
    ngrams.ifPresent(SparseIntentClassifier::close);
  }
}
