package dev.parley.plugins.nlu.sparse;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugins.nlu.support.LinearClassifierConfig;
import dev.parley.plugins.nlu.support.TemperatureCalibratedClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SparseIntentClassifier}: logistic regression on TF-IDF word and character n-grams
 * (Tribuo), served by ONNX Runtime; works for English and Chinese without a tokenizer.
 */
public final class SparseIntentClassifierFactory implements IntentClassifierFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "SparseIntentClassifier";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Logistic regression on TF-IDF word and character n-grams (Tribuo, ONNX Runtime)";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    List<ConfigProperty> properties = new ArrayList<>(LinearClassifierConfig.ngramProperties());
    properties.add(LinearClassifierConfig.augmentUnknownWords());
    return properties;
  }

  /**
   * The classifier with temperature-scaled confidences and held-out predictions for {@code
   * fallback_threshold: auto} ({@link TemperatureCalibratedClassifier}).
   */
  @Override
  public IntentClassifier create(PluginContext context) {
    return new TemperatureCalibratedClassifier<>(() -> model(context));
  }

  /** The n-gram classifier alone, with raw confidences (the cascade calibrates its own). */
  public SparseIntentClassifier model(PluginContext context) {
    PluginConfig config = context.config();
    return new SparseIntentClassifier(
        LinearClassifierConfig.featurizer(config),
        config.getBoolean("idf"),
        config.getBoolean("sublinear_tf"),
        LinearClassifierConfig.settings(config),
        config.getBoolean(LinearClassifierConfig.AUGMENT_UNKNOWN_WORDS));
  }
}
