package dev.parley.plugins.nlu.dense;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.IntentRecheck;
import dev.parley.plugin.nlu.IntentRecheckFactory;
import java.util.List;

/**
 * {@code EmbeddingFewShotRecheck}: a fallback-chain stage that decides an uncertain message by its
 * nearest training examples in a sentence-embedding space (local, no network).
 */
public final class EmbeddingFewShotRecheckFactory implements IntentRecheckFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "EmbeddingFewShotRecheck";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Nearest training examples by sentence-embedding similarity";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        DenseIntentClassifierFactory.embeddingModel(),
        ConfigProperty.integer("k", 5, "how many nearest examples vote"),
        ConfigProperty.number(
            "min_similarity", 0.75, "cosine similarity the nearest example must reach"),
        ConfigProperty.number(
            "min_margin", 0.3, "lead of the best intent's vote share over the next"));
  }

  @Override
  public IntentRecheck create(PluginContext context) {
    var config = context.config();
    int k = (int) config.getLong("k");
    double similarity = config.getDouble("min_similarity");
    double margin = config.getDouble("min_margin");
    if (k < 1 || similarity < -1 || similarity > 1 || margin < 0 || margin > 1) {
      throw new PluginException(
          "k must be at least 1, min_similarity in [-1, 1] and min_margin in [0, 1]");
    }
    return new EmbeddingFewShotRecheck(
        DenseIntentClassifierFactory.encoder(context), k, similarity, margin);
  }
}
