package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.HeldOutPrediction;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.OutOfScope;
import dev.parley.plugin.nlu.SelfCalibrating;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A cascade of two intent models trained on the same examples: the sparse n-gram model answers when
 * its top confidence reaches a threshold, the hybrid model (n-grams and a sentence embedding)
 * answers the rest, so only those parses pay for the encoder. The threshold is calibrated at
 * training on held-out examples of the bot ({@link CascadeCalibration}, {@link CascadeThreshold})
 * and stored with both models, so a version always serves the cascade it was trained with. On the
 * same held-out examples each model's confidence is calibrated ({@link CascadeConfidence}) and an
 * out-of-scope detector on the hybrid's path is set (similarity to the nearest in-scope training
 * example in embedding space, {@link NearestExampleDetector}): a flagged message is ranked under
 * {@link OutOfScope#INTENT}. A bot may also have an out-of-scope intent trained from examples
 * (Rasa's {@code out_of_scope}): it is classified like any intent, a message it wins is served as
 * it (not flagged), and the detector neither keeps its examples nor counts them in its budget.
 * {@link #close} releases this version's sessions.
 */
public final class CascadeIntentClassifier
    implements IntentClassifier, Trainable, SelfCalibrating, AutoCloseable {

  static final String THRESHOLD = "cascade.threshold";
  static final String CONFIDENCE = "cascade.confidence";

  /** The centroid detector of models stored before the nearest-example one. */
  static final String CENTROIDS = "cascade.centroids";

  static final String NEIGHBOURS = "cascade.neighbours";

  private final Supplier<SparseIntentClassifier> sparseModels;
  private final Supplier<EmbeddingIntentClassifier> hybridModels;
  private final double floor;
  private final double maxFlagged;
  private final String outOfScopeIntent;
  private volatile Served served;

  private record Served(
      SparseIntentClassifier sparse,
      EmbeddingIntentClassifier hybrid,
      double threshold,
      CascadeConfidence confidence,
      Optional<OutOfScopeScore> detector) {}

  /**
   * A cascade, not yet trained.
   *
   * @param sparseModels makes an untrained sparse model
   * @param hybridModels makes an untrained hybrid model
   * @param floor the lowest threshold calibration may choose
   * @param maxFlagged the most held-out in-scope examples the out-of-scope detector may flag (a
   *     share; 0: no detector)
   * @param outOfScopeIntent the bot's out-of-scope intent, trained from examples if it has any
   */
  public CascadeIntentClassifier(
      Supplier<SparseIntentClassifier> sparseModels,
      Supplier<EmbeddingIntentClassifier> hybridModels,
      double floor,
      double maxFlagged,
      String outOfScopeIntent) {
    this.sparseModels = sparseModels;
    this.hybridModels = hybridModels;
    this.floor = floor;
    this.maxFlagged = maxFlagged;
    this.outOfScopeIntent = outOfScopeIntent;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    EmbeddingIntentClassifier hybrid = hybridModels.get();
    List<float[]> embeddings = hybrid.embeddings(data.examples());
    List<CascadeCalibration.HeldOut> heldOut =
        new CascadeCalibration(sparseModels, hybridModels, outOfScopeIntent)
            .outcomes(data, embeddings);
    double threshold =
        CascadeThreshold.choose(
            heldOut.stream()
                .filter(CascadeCalibration.HeldOut::sparseKnown)
                .map(CascadeCalibration.HeldOut::outcome)
                .toList(),
            floor);
    CascadeConfidence confidence = CascadeConfidence.fit(heldOut, threshold, maxFlagged);
    NearestExampleDetector detector =
        NearestExampleDetector.fit(
            CascadeCalibration.inScope(data.examples(), embeddings, outOfScopeIntent));
    SparseIntentClassifier sparse = sparseModels.get();
    sparse.train(data, storage);
    hybrid.train(data.examples(), embeddings, storage);
    storage.write(THRESHOLD, Double.toString(threshold).getBytes(StandardCharsets.UTF_8));
    storage.write(CONFIDENCE, confidence.encode().getBytes(StandardCharsets.UTF_8));
    storage.write(NEIGHBOURS, detector.encode());
    serve(new Served(sparse, hybrid, threshold, confidence, Optional.of(detector)));
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
    CascadeConfidence confidence =
        storage
            .read(CONFIDENCE)
            .map(bytes -> CascadeConfidence.decode(new String(bytes, StandardCharsets.UTF_8)))
            .orElse(CascadeConfidence.none());
    Optional<OutOfScopeScore> detector =
        storage
            .read(NEIGHBOURS)
            .<OutOfScopeScore>map(NearestExampleDetector::decode)
            .or(() -> storage.read(CENTROIDS).map(CentroidDetector::decode));
    SparseIntentClassifier sparse = sparseModels.get();
    sparse.load(storage);
    EmbeddingIntentClassifier hybrid = hybridModels.get();
    hybrid.load(storage);
    serve(new Served(sparse, hybrid, threshold, confidence, detector));
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    Served current = served;
    if (current == null) {
      return List.of();
    }
    List<IntentPrediction> sparse = current.sparse().classify(message);
    if (!sparse.isEmpty() && sparse.get(0).confidence() >= current.threshold()) {
      return current.confidence().sparse().apply(sparse);
    }
    if (current.detector().isEmpty() || current.confidence().oosCutoff().isEmpty()) {
      return current.confidence().hybrid().apply(current.hybrid().classify(message));
    }
    float[] embedding = current.hybrid().embed(message.text());
    List<IntentPrediction> ranking =
        current.confidence().hybrid().apply(current.hybrid().classify(message.text(), embedding));
    if (ranking.isEmpty() || ranking.get(0).name().equals(outOfScopeIntent)) {
      return ranking; // the trained out-of-scope intent answers for itself
    }
    double similarity = current.detector().get().similarity(embedding);
    if (!current.confidence().outOfScope(similarity)) {
      return ranking;
    }
    List<IntentPrediction> flagged = new ArrayList<>();
    // first, with the top confidence so the ranking stays best first
    flagged.add(new IntentPrediction(OutOfScope.INTENT, ranking.get(0).confidence()));
    flagged.addAll(ranking);
    return flagged;
  }

  @Override
  public List<HeldOutPrediction> heldOut() {
    Served current = served;
    return current == null ? List.of() : current.confidence().heldOut();
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
