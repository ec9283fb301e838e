package dev.parley.plugins.nlu.sparse;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugins.nlu.support.LinearClassifierConfig;
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
    return LinearClassifierConfig.ngramProperties();
  }

  @Override
  public IntentClassifier create(PluginContext context) {
    PluginConfig config = context.config();
    return new SparseIntentClassifier(
        LinearClassifierConfig.featurizer(config),
        config.getBoolean("idf"),
        config.getBoolean("sublinear_tf"),
        LinearClassifierConfig.settings(config));
  }
}
