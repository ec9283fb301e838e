package dev.parley.plugins.nlu.finetune;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifierFactory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code FineTunedIntentClassifier}: fine-tunes a pretrained encoder (all-MiniLM-L6-v2 for English,
 * bge-small-zh-v1.5 for Chinese, chosen by the bot's language) with a linear head on the bot's
 * examples. Training takes minutes rather than seconds; parsing runs the whole encoder once.
 */
public final class FineTunedIntentClassifierFactory implements IntentClassifierFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "FineTunedIntentClassifier";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Fine-tuned transformer encoder (trained with PyTorch, served by ONNX Runtime)";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return Stream.of(
            properties(FineTuneSettings.defaults()),
            List.of(
                ConfigProperty.number(
                    "ngram_weight",
                    0.25,
                    "weight of an n-gram classifier's probabilities mixed into the fine-tuned"
                        + " ones (0: off; the n-gram classifier takes the settings below)")),
            new SparseIntentClassifierFactory().configProperties())
        .flatMap(List::stream)
        .toList();
  }

  /** The settings of a fine-tuned classifier, with these defaults. */
  static List<ConfigProperty> properties(FineTuneSettings defaults) {
    return List.of(
        ConfigProperty.choice(
            "base_model",
            "auto",
            Stream.concat(
                    Stream.of("auto"), Arrays.stream(BaseEncoder.values()).map(BaseEncoder::id))
                .toList(),
            "encoder to fine-tune; auto: bge-small-zh-v1.5 for zh, all-minilm-l6-v2 otherwise"),
        ConfigProperty.integer("epochs", defaults.epochs(), "passes over the examples"),
        ConfigProperty.number(
            "learning_rate", defaults.learningRate(), "the encoder's peak learning rate"),
        ConfigProperty.number(
            "head_learning_rate", defaults.headLearningRate(), "the head's peak learning rate"),
        ConfigProperty.integer("batch_size", defaults.batchSize(), "examples per step"),
        ConfigProperty.integer(
            "frozen_layers", defaults.frozenLayers(), "lowest encoder layers left as pretrained"),
        ConfigProperty.integer("max_tokens", defaults.maxTokens(), "tokens kept of a message"),
        ConfigProperty.integer("random_seed", defaults.seed(), "seed of the head and the order"),
        ConfigProperty.bool(
            "int8",
            defaults.int8(),
            "serve the encoder's projections as 8-bit integers (faster; trained in floats)"));
  }

  @Override
  public IntentClassifier create(PluginContext context) {
    PluginConfig config = context.config();
    return new FineTunedIntentClassifier(
        BaseEncoder.choose(config.getString("base_model").orElse("auto"), context.language()),
        settings(config),
        config.getDouble("ngram_weight"),
        () -> new SparseIntentClassifierFactory().model(context));
  }

  static FineTuneSettings settings(PluginConfig config) {
    return new FineTuneSettings(
        positive(config, "epochs"),
        (float) config.getDouble("learning_rate"),
        (float) config.getDouble("head_learning_rate"),
        positive(config, "batch_size"),
        (int) Math.max(0, config.getLong("frozen_layers")),
        positive(config, "max_tokens"),
        config.getLong("random_seed"),
        config.getBoolean("int8"));
  }

  private static int positive(PluginConfig config, String name) {
    long value = config.getLong(name);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new PluginException(name + " must be a positive integer, not " + value);
    }
    return (int) value;
  }
}
