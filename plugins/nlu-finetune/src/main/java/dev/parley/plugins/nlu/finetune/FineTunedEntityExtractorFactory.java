package dev.parley.plugins.nlu.finetune;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import java.util.List;

/**
 * {@code FineTunedEntityExtractor}: fine-tunes a pretrained encoder (all-MiniLM-L6-v2 for English,
 * bge-small-zh-v1.5 for Chinese, chosen by the bot's language) with a token classification head on
 * the annotated examples. Training takes minutes rather than seconds; parsing runs the whole
 * encoder once.
 */
public final class FineTunedEntityExtractorFactory implements EntityExtractorFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "FineTunedEntityExtractor";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Entities tagged by a fine-tuned transformer encoder (trained with PyTorch, served by"
        + " ONNX Runtime)";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return FineTunedIntentClassifierFactory.properties(FineTuneSettings.entityDefaults());
  }

  @Override
  public EntityExtractor create(PluginContext context) {
    PluginConfig config = context.config();
    return new FineTunedEntityExtractor(
        BaseEncoder.choose(config.getString("base_model").orElse("auto"), context.language()),
        FineTunedIntentClassifierFactory.settings(config));
  }
}
