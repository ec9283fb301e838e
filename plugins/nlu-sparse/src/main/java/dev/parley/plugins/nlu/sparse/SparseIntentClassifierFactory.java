package dev.parley.plugins.nlu.sparse;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
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
    return properties();
  }

  /** The settings every linear n-gram classifier of Parley declares. */
  public static List<ConfigProperty> properties() {
    return List.of(
        ConfigProperty.integer("word_ngram_min", 1, "shortest word n-gram"),
        ConfigProperty.integer("word_ngram_max", 2, "longest word n-gram (0: none)"),
        ConfigProperty.integer("char_ngram_min", 1, "shortest character n-gram"),
        ConfigProperty.integer("char_ngram_max", 4, "longest character n-gram (0: none)"),
        ConfigProperty.bool("idf", true, "weight n-grams by inverse document frequency"),
        ConfigProperty.bool("sublinear_tf", true, "use 1 + ln(count) instead of the count"),
        ConfigProperty.number("cost", 10.0, "inverse regularisation strength C"),
        ConfigProperty.number("tolerance", 0.1, "the solver's stopping tolerance"));
  }

  @Override
  public IntentClassifier create(PluginContext context) {
    PluginConfig config = context.config();
    return new SparseIntentClassifier(
        featurizer(config),
        config.getBoolean("idf"),
        config.getBoolean("sublinear_tf"),
        settings(config));
  }

  /** The n-gram settings of a configuration. */
  public static NgramFeaturizer featurizer(PluginConfig config) {
    try {
      return new NgramFeaturizer(
          (int) config.getLong("word_ngram_min"),
          (int) config.getLong("word_ngram_max"),
          (int) config.getLong("char_ngram_min"),
          (int) config.getLong("char_ngram_max"));
    } catch (IllegalArgumentException e) {
      throw new PluginException(e.getMessage());
    }
  }

  /** The training settings of a configuration. */
  public static LinearHead.Settings settings(PluginConfig config) {
    double cost = config.getDouble("cost");
    double tolerance = config.getDouble("tolerance");
    if (cost <= 0 || tolerance <= 0) {
      throw new PluginException("cost and tolerance must be positive");
    }
    return new LinearHead.Settings(cost, tolerance);
  }
}
