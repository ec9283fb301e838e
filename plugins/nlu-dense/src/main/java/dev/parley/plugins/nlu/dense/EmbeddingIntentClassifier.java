package dev.parley.plugins.nlu.dense;

import ai.onnxruntime.OrtException;
import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.support.FeatureSpace;
import dev.parley.plugins.nlu.support.LinearHead;
import dev.parley.plugins.nlu.support.NgramFeaturizer;
import dev.parley.plugins.nlu.support.OnnxLinearGraph;
import dev.parley.plugins.nlu.support.OnnxLinearScorer;
import dev.parley.plugins.nlu.support.Rankings;
import dev.parley.plugins.nlu.support.SparseFeatures;
import dev.parley.plugins.nlu.support.SparseModelFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A logistic-regression head on a pretrained sentence embedding ({@link SentenceEncoder}), alone
 * (dense) or concatenated with TF-IDF n-gram features (hybrid). Trained with Tribuo, exported to
 * ONNX, stored through the model storage and served by ONNX Runtime. Training uses the configured
 * encoder; a stored model is served with the encoder it was trained with (recorded with it), so
 * models keep working when the configured or default encoder changes. {@link #close} releases this
 * model version's head session (the encoders are shared by the server).
 */
public final class EmbeddingIntentClassifier implements IntentClassifier, Trainable, AutoCloseable {

  private final String prefix;
  private final SentenceEncoder encoder;
  private final Optional<NgramFeaturizer> ngrams;
  private final float denseWeight;
  private final LinearHead.Settings settings;
  private volatile Served served;

  private record Served(
      SentenceEncoder encoder,
      List<String> intents,
      FeatureSpace space,
      Optional<OnnxLinearScorer> scorer) {}

  /**
   * A classifier, not yet trained.
   *
   * @param prefix the artifact names' prefix
   * @param encoder the sentence encoder to train with
   * @param ngrams the n-gram settings for a hybrid model, empty for dense only
   * @param denseWeight the factor on the embedding (against the unit-length n-gram vector)
   * @param settings the head's training settings
   */
  public EmbeddingIntentClassifier(
      String prefix,
      SentenceEncoder encoder,
      Optional<NgramFeaturizer> ngrams,
      float denseWeight,
      LinearHead.Settings settings) {
    this.prefix = prefix;
    this.encoder = encoder;
    this.ngrams = ngrams;
    this.denseWeight = denseWeight;
    this.settings = settings;
    this.served = new Served(encoder, List.of(), null, Optional.empty());
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    List<NluExample> examples = data.examples();
    train(examples, embeddings(examples), storage);
  }

  /** The configured encoder's embeddings of the examples' texts, in order. */
  public List<float[]> embeddings(List<NluExample> examples) {
    return encoder.embedAll(texts(examples));
  }

  /**
   * Trains on given embeddings of the examples (from {@link #embeddings}; the cascade embeds once
   * and trains several heads) and stores the model, then serves it.
   */
  public void train(List<NluExample> examples, List<float[]> embeddings, ModelStorage storage) {
    List<String> distinct = examples.stream().map(NluExample::intent).distinct().sorted().toList();
    SparseModelFiles files;
    if (distinct.size() < 2) {
      files = new SparseModelFiles(distinct, 0, Optional.empty(), Optional.empty());
    } else {
      LinearHead head = fit(examples, embeddings);
      files =
          new SparseModelFiles(
              head.intents(),
              encoder.dimension(),
              Optional.of(head.space()),
              Optional.of(OnnxLinearGraph.build(head.weights(), "parley-" + prefix + "-intents")));
    }
    files.write(storage, prefix);
    storage.write(prefix + ".encoder", encoder.model().id().getBytes(StandardCharsets.UTF_8));
    load(storage);
  }

  /** Fits the head on given embeddings (the benchmark reuses them across settings). */
  public LinearHead fit(List<NluExample> examples, List<float[]> embeddings) {
    List<String> texts = texts(examples);
    FeatureSpace space =
        FeatureSpace.fit(
            ngrams.isPresent() ? texts : List.of(),
            ngrams.orElse(new NgramFeaturizer(1, 0, 1, 0)),
            true,
            true);
    List<SparseFeatures> vectors = texts.stream().map(space::vector).toList();
    return LinearHead.train(
        examples.stream().map(NluExample::intent).toList(),
        vectors,
        embeddings.stream().map(this::scaled).toList(),
        space,
        encoder.dimension(),
        settings);
  }

  @Override
  public void load(ModelStorage storage) {
    String stored =
        storage
            .read(prefix + ".encoder")
            .map(b -> new String(b, StandardCharsets.UTF_8))
            .orElseThrow(() -> new PluginException("no stored intent model (" + prefix + ")"));
    SentenceEncoder trainedWith =
        SentenceEncoder.recorded(stored, "the stored intent model was trained on");
    SparseModelFiles files = SparseModelFiles.read(storage, prefix);
    Optional<OnnxLinearScorer> scorer = Optional.empty();
    if (files.onnx().isPresent()) {
      try {
        scorer = Optional.of(new OnnxLinearScorer(files.onnx().get(), files.denseSize()));
      } catch (OrtException e) {
        throw new PluginException(
            "ONNX Runtime cannot open the intent model: " + e.getMessage(), e);
      }
    }
    Served previous = served;
    served = new Served(trainedWith, files.intents(), files.space().orElse(null), scorer);
    previous.scorer().ifPresent(OnnxLinearScorer::close);
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    return classify(message.text(), null);
  }

  /** The embedding of a text by the encoder this version was trained with. */
  public float[] embed(String text) {
    return served.encoder().embed(text);
  }

  /** Classifies with a precomputed embedding (null: embed the text). */
  public List<IntentPrediction> classify(String text, float[] embedding) {
    Served current = served;
    if (current.scorer().isEmpty()) {
      return current.intents().stream().map(name -> new IntentPrediction(name, 1.0)).toList();
    }
    float[] dense = scaled(embedding == null ? current.encoder().embed(text) : embedding);
    SparseFeatures sparse = current.space().vector(text);
    return Rankings.of(current.intents(), current.scorer().get().probabilities(sparse, dense));
  }

  private float[] scaled(float[] embedding) {
    if (denseWeight == 1f) {
      return embedding;
    }
    float[] scaled = embedding.clone();
    for (int d = 0; d < scaled.length; d++) {
      scaled[d] *= denseWeight;
    }
    return scaled;
  }

  /** Releases this version's head session. */
  @Override
  public void close() {
    served.scorer().ifPresent(OnnxLinearScorer::close);
  }

  private static List<String> texts(List<NluExample> examples) {
    return examples.stream().map(NluExample::text).toList();
  }
}
