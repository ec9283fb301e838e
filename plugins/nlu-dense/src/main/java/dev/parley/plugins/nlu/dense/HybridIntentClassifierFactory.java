package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugins.nlu.support.LinearClassifierConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code HybridIntentClassifier}: one logistic regression on TF-IDF word and character n-grams
 * concatenated with a pretrained sentence embedding (chosen by the bot's language).
 */
public final class HybridIntentClassifierFactory implements IntentClassifierFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "HybridIntentClassifier";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Logistic regression on n-grams plus sentence embeddings (Tribuo, ONNX Runtime)";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    List<ConfigProperty> properties = new ArrayList<>(LinearClassifierConfig.ngramProperties());
    properties.add(DenseIntentClassifierFactory.embeddingModel());
    properties.add(
        ConfigProperty.number(
            "embedding_weight",
            1.5,
            "factor on the unit-length embedding against the unit-length n-gram vector (a larger"
                + " factor regularises the embedding less); 1.5 chosen by cross-validation on"
                + " ATIS and CAIS and on the valid splits of SNIPS and Banking77"));
    return properties;
  }

  @Override
  public IntentClassifier create(PluginContext context) {
    var config = context.config();
    return new EmbeddingIntentClassifier(
        "hybrid",
        DenseIntentClassifierFactory.encoder(context),
        Optional.of(LinearClassifierConfig.featurizer(config)),
        (float) config.getDouble("embedding_weight"),
        LinearClassifierConfig.settings(config));
  }
}
