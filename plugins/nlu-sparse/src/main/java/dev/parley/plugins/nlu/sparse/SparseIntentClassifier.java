package dev.parley.plugins.nlu.sparse;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Logistic regression on TF-IDF weighted word and character n-grams: trained with Tribuo, exported
 * to ONNX (sparse input), stored through the model storage and served by ONNX Runtime. {@link
 * #close} releases the native session of this model version.
 */
public final class SparseIntentClassifier implements IntentClassifier, Trainable, AutoCloseable {

  static final String PREFIX = "sparse";

  private final NgramFeaturizer featurizer;
  private final boolean idf;
  private final boolean sublinear;
  private final LinearHead.Settings settings;
  private final boolean augmentUnknownWords;
  private volatile Served served = new Served(List.of(), Optional.empty(), Optional.empty());

  private record Served(
      List<String> intents, Optional<FeatureSpace> space, Optional<OnnxLinearScorer> scorer) {}

  /**
   * A classifier with these settings, not yet trained.
   *
   * @param augmentUnknownWords whether to train on a copy of each example with a made-up word
   *     appended as well ({@link UnknownWords})
   */
  public SparseIntentClassifier(
      NgramFeaturizer featurizer,
      boolean idf,
      boolean sublinear,
      LinearHead.Settings settings,
      boolean augmentUnknownWords) {
    this.featurizer = featurizer;
    this.idf = idf;
    this.sublinear = sublinear;
    this.settings = settings;
    this.augmentUnknownWords = augmentUnknownWords;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    trainHead(data.examples()).write(storage, PREFIX);
    load(storage);
  }

  /** Trains and returns the files (without storing them); the Tribuo model is dropped. */
  SparseModelFiles trainHead(List<NluExample> examples) {
    List<String> intents = examples.stream().map(NluExample::intent).toList();
    List<String> distinct = intents.stream().distinct().sorted().toList();
    if (distinct.size() < 2) {
      return new SparseModelFiles(distinct, 0, Optional.empty(), Optional.empty());
    }
    LinearHead head = fit(examples);
    return new SparseModelFiles(
        head.intents(),
        0,
        Optional.of(head.space()),
        Optional.of(OnnxLinearGraph.build(head.weights(), "parley-sparse-intents")));
  }

  /**
   * Fits the feature space (on the examples as written) and the Tribuo model (on them and, when
   * augmenting, their copies with an unknown word).
   */
  LinearHead fit(List<NluExample> examples) {
    List<String> texts = examples.stream().map(NluExample::text).toList();
    List<String> intents = examples.stream().map(NluExample::intent).toList();
    FeatureSpace space = FeatureSpace.fit(texts, featurizer, idf, sublinear);
    List<SparseFeatures> vectors = new ArrayList<>(texts.stream().map(space::vector).toList());
    List<String> labels = new ArrayList<>(intents);
    if (augmentUnknownWords) {
      UnknownWords.appendedTo(texts).forEach(text -> vectors.add(space.vector(text)));
      labels.addAll(intents);
    }
    return LinearHead.train(labels, vectors, null, space, 0, settings);
  }

  @Override
  public void load(ModelStorage storage) {
    SparseModelFiles files = SparseModelFiles.read(storage, PREFIX);
    Optional<OnnxLinearScorer> scorer = Optional.empty();
    if (files.onnx().isPresent()) {
      try {
        scorer = Optional.of(new OnnxLinearScorer(files.onnx().get(), 0));
      } catch (OrtException e) {
        throw new PluginException(
            "ONNX Runtime cannot open the intent model: " + e.getMessage(), e);
      }
    }
    Served previous = served;
    served = new Served(files.intents(), files.space(), scorer);
    previous.scorer().ifPresent(OnnxLinearScorer::close);
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    Served current = served;
    if (current.space().isEmpty()) {
      return current.intents().stream().map(name -> new IntentPrediction(name, 1.0)).toList();
    }
    SparseFeatures vector = current.space().get().vector(message.text());
    if (vector.size() == 0) {
      return List.of();
    }
    return Rankings.of(current.intents(), current.scorer().get().probabilities(vector, null));
  }

  /** Releases the ONNX session; the classifier answers nothing afterwards. */
  @Override
  public void close() {
    served.scorer().ifPresent(OnnxLinearScorer::close);
  }
}
