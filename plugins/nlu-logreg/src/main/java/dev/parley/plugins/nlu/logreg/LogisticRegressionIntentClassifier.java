package dev.parley.plugins.nlu.logreg;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Multinomial logistic regression over word and character n-grams, trained with Tribuo's linear SGD
 * (AdaGrad) and stored through the model storage in Tribuo's protobuf format. Predictions are the
 * softmax probabilities of every intent, best first.
 */
final class LogisticRegressionIntentClassifier implements IntentClassifier, Trainable {

  private static final String MODEL = "model.tribuo";

  private final FeatureExtractor features;
  private final int epochs;
  private final long seed;
  private volatile Model<Label> model;
  private volatile List<String> singleIntent = List.of();

  LogisticRegressionIntentClassifier(FeatureExtractor features, int epochs, long seed) {
    this.features = features;
    this.epochs = epochs;
    this.seed = seed;
  }

  @Override
  public void train(TrainingData data, ModelStorage storage) {
    List<String> intents =
        data.examples().stream().map(NluExample::intent).distinct().sorted().toList();
    if (intents.size() < 2) {
      singleIntent = intents;
      storage.write(
          MODEL, String.join("\n", intents).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> dataset =
        new MutableDataset<>(new SimpleDataSourceProvenance("parley nlu.yml", labels), labels);
    for (NluExample example : data.examples()) {
      dataset.add(example(new Label(example.intent()), example.text()));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), epochs, seed);
    model = trainer.train(dataset);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      model.serializeToStream(bytes);
    } catch (IOException e) {
      throw new PluginException("cannot store the intent model", e);
    }
    storage.write(MODEL, bytes.toByteArray());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void load(ModelStorage storage) {
    byte[] bytes =
        storage.read(MODEL).orElseThrow(() -> new PluginException("no stored intent model"));
    try {
      Model<?> loaded = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
      if (!loaded.validate(Label.class)) {
        throw new PluginException("the stored intent model does not predict labels");
      }
      model = (Model<Label>) loaded;
    } catch (IOException e) {
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      if (!text.isBlank() && text.lines().allMatch(l -> l.matches("[^\\s]+"))) {
        singleIntent = text.lines().toList();
        return;
      }
      throw new PluginException("the stored intent model is unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public List<IntentPrediction> classify(Message message) {
    Model<Label> current = model;
    if (current == null) {
      return singleIntent.stream().map(name -> new IntentPrediction(name, 1.0)).toList();
    }
    Example<Label> example = example(LabelFactory.UNKNOWN_LABEL, message.text());
    if (!hasKnownFeature(example, current.getFeatureIDMap())) {
      return List.of();
    }
    Prediction<Label> prediction = current.predict(example);
    List<IntentPrediction> ranking = new ArrayList<>();
    for (Map.Entry<String, Label> score : prediction.getOutputScores().entrySet()) {
      ranking.add(new IntentPrediction(score.getKey(), score.getValue().getScore()));
    }
    ranking.sort(Comparator.comparingDouble(IntentPrediction::confidence).reversed());
    return ranking;
  }

  private Example<Label> example(Label label, String text) {
    Map<String, Double> values = features.features(text);
    String[] names = values.keySet().toArray(String[]::new);
    double[] weights = values.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new ArrayExample<>(label, names, weights);
  }

  private static boolean hasKnownFeature(Example<Label> example, ImmutableFeatureMap known) {
    for (var feature : example) {
      if (known.get(feature.getName()) != null) {
        return true;
      }
    }
    return false;
  }
}
