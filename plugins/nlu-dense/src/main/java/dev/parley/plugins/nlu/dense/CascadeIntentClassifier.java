package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A cascade of two intent models trained on the same examples: the sparse n-gram model answers when
 * its top confidence reaches a threshold, the hybrid model (n-grams and a sentence embedding)
 * answers the rest, so only those parses pay for the encoder. The threshold is calibrated at
 * training on held-out examples of the bot ({@link CascadeCalibration}, {@link CascadeThreshold})
 * and stored with both models, so a version always serves the cascade it was trained with. {@link
 * #close} releases this version's sessions.
 */
public final class CascadeIntentClassifier implements IntentClassifier, Trainable, AutoCloseable {

  static final String THRESHOLD = "cascade.threshold";

  private final Supplier<SparseIntentClassifier> sparseModels;
  private final Supplier<EmbeddingIntentClassifier> hybridModels;
  private final double floor;
  private volatile Served served;

  private record Served(
      SparseIntentClassifier sparse, EmbeddingIntentClassifier hybrid, double threshold) {}

  /**
   * A cascade, not yet trained.
   *
   * @param sparseModels makes an untrained sparse model
   * @param hybridModels makes an untrained hybrid model
   * @param floor the lowest threshold calibration may choose
   */
  public CascadeIntentClassifier(
      Supplier<SparseIntentClassifier> sparseModels,
      Supplier<EmbeddingIntentClassifier> hybridModels,
      double floor) {
    this.sparseModels = sparseModels;
    this.hybridModels = hybridModels;
    this.floor = floor;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    EmbeddingIntentClassifier hybrid = hybridModels.get();
    List<float[]> embeddings = hybrid.embeddings(data.examples());
    double threshold =
        CascadeThreshold.choose(
            new CascadeCalibration(sparseModels, hybridModels).outcomes(data, embeddings), floor);
    SparseIntentClassifier sparse = sparseModels.get();
    sparse.train(data, storage);
    hybrid.train(data.examples(), embeddings, storage);
    storage.write(THRESHOLD, Double.toString(threshold).getBytes(StandardCharsets.UTF_8));
    serve(new Served(sparse, hybrid, threshold));
  }

  @Override
  public void load(ModelStorage storage) {
    double threshold;
    try {
      threshold =
          Double.parseDouble(
              new String(
                  storage
                      .read(THRESHOLD)
                      .orElseThrow(() -> new PluginException("no stored cascade threshold")),
                  StandardCharsets.UTF_8));
    } catch (NumberFormatException e) {
      throw new PluginException("the stored cascade threshold is unreadable", e);
    }
    SparseIntentClassifier sparse = sparseModels.get();
    sparse.load(storage);
    EmbeddingIntentClassifier hybrid = hybridModels.get();
    hybrid.load(storage);
    serve(new Served(sparse, hybrid, threshold));
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    Served current = served;
    if (current == null) {
      return List.of();
    }
    List<IntentPrediction> sparse = current.sparse().classify(message);
    if (!sparse.isEmpty() && sparse.get(0).confidence() >= current.threshold()) {
      return sparse;
    }
    return current.hybrid().classify(message);
  }

  /** Whether the message would reach the encoder (for the benchmark's figures). */
  boolean reachesEncoder(Message message) {
    Served current = served;
    List<IntentPrediction> sparse = current.sparse().classify(message);
    return sparse.isEmpty() || sparse.get(0).confidence() < current.threshold();
  }

  /** The threshold of the served version. */
  double threshold() {
    return served.threshold();
  }

  /** The served version's sparse model (for the benchmark's figures). */
  IntentClassifier sparse() {
    return served.sparse();
  }

  /** The served version's hybrid model (for the benchmark's figures). */
  IntentClassifier hybrid() {
    return served.hybrid();
  }

  private void serve(Served next) {
    Served previous = served;
    served = next;
    if (previous != null) {
      close(previous);
    }
  }

  /** Releases the served version's sessions. */
  @Override
  public void close() {
    Served current = served;
    if (current != null) {
      close(current);
    }
  }

  private static void close(Served version) {
    version.sparse().close();
    version.hybrid().close();
  }
}
