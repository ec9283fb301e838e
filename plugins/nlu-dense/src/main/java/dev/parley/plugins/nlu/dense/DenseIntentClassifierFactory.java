package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugins.nlu.support.LinearClassifierConfig;
import java.util.List;
import java.util.Optional;

/**
 * {@code DenseIntentClassifier}: logistic regression on a pretrained sentence embedding
 * (all-MiniLM-L6-v2 for English, bge-small-zh-v1.5 for Chinese, chosen by the bot's language).
 */
public final class DenseIntentClassifierFactory implements IntentClassifierFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "DenseIntentClassifier";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Logistic regression on sentence embeddings (ONNX Runtime)";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        embeddingModel(),
        ConfigProperty.number("cost", 10.0, "inverse regularisation strength C"),
        ConfigProperty.number("tolerance", 0.1, "the solver's stopping tolerance"),
        LinearClassifierConfig.classBalance(),
        LinearClassifierConfig.maxClassWeight());
  }

  /** The embedding model setting. */
  static ConfigProperty embeddingModel() {
    return ConfigProperty.choice(
        "embedding_model",
        "auto",
        List.of("auto", "all-minilm-l6-v2-q", "bge-small-en-v1.5-q", "bge-small-zh-v1.5-q"),
        "sentence encoder; auto: bge-small-zh-v1.5-q for zh, all-minilm-l6-v2-q otherwise");
  }

  /** The encoder for a context. */
  static SentenceEncoder encoder(PluginContext context) {
    return SentenceEncoder.of(
        SentenceEncoder.Model.choose(
            context.config().getString("embedding_model").orElse("auto"), context.language()));
  }

  @Override
  public IntentClassifier create(PluginContext context) {
    return new EmbeddingIntentClassifier(
        "dense",
        encoder(context),
        Optional.empty(),
        1f,
        LinearClassifierConfig.settings(context.config()));
  }
}
