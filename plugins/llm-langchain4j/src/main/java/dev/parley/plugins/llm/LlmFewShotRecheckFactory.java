package dev.parley.plugins.llm;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.IntentRecheck;
import dev.parley.plugin.nlu.IntentRecheckFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM stage of the fallback chain: asks an OpenAI-compatible chat model which of the bot's
 * intents a message has, showing it a few examples of each. Off unless a bot lists it under {@code
 * parley.recheck} with a {@code connection}. LangChain4j's own retries are off: the core decides
 * about timeouts and the circuit breaker.
 */
public final class LlmFewShotRecheckFactory implements IntentRecheckFactory {

  /** The id bots name in {@code parley.recheck}. */
  public static final String ID = "LlmFewShotRecheck";

  static final String EXAMPLES_PER_INTENT = "examples_per_intent";
  static final String CONFIDENCE = "confidence";
  static final String CANDIDATES = "candidates";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Re-checks uncertain messages with a chat model shown a few examples of each intent";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    List<ConfigProperty> properties = new ArrayList<>();
    for (ConfigProperty property : ConnectionProperties.declarations()) {
      properties.add(
          property.name().equals(ConnectionProperties.TEMPERATURE)
              ? ConfigProperty.number(ConnectionProperties.TEMPERATURE, 0.0, "Sampling temperature")
              : property.name().equals(ConnectionProperties.MAX_TOKENS)
                  ? ConfigProperty.integer(
                      ConnectionProperties.MAX_TOKENS, 20, "Longest answer, in tokens")
                  : property);
    }
    properties.add(
        ConfigProperty.integer(EXAMPLES_PER_INTENT, 3, "Examples of each intent in the prompt"));
    properties.add(
        ConfigProperty.integer(
            CANDIDATES, 0, "Offer only the classifiers' top N intents (0: all intents)"));
    properties.add(
        ConfigProperty.number(CONFIDENCE, 0.9, "Confidence given to the model's choice"));
    return properties;
  }

  @Override
  public IntentRecheck create(PluginContext context) {
    PluginConfig config = context.config();
    long examples = config.getLong(EXAMPLES_PER_INTENT);
    if (examples < 0 || examples > 50) {
      throw new PluginException("examples_per_intent must be between 0 and 50");
    }
    long candidates = config.getLong(CANDIDATES);
    if (candidates < 0) {
      throw new PluginException("candidates must be 0 (all intents) or more");
    }
    double confidence = config.getDouble(CONFIDENCE);
    if (confidence <= 0 || confidence > 1) {
      throw new PluginException("confidence must be above 0 and at most 1");
    }
    OpenAiChatModel model = OpenAiChatModels.of(config);
    return new LlmFewShotRecheck(model, (int) examples, (int) candidates, confidence);
  }
}
