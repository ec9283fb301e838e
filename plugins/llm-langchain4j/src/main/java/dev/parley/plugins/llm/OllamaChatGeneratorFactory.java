package dev.parley.plugins.llm;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.response.ResponseGenerator;
import dev.parley.plugin.response.ResponseGeneratorFactory;
import java.util.List;

/** Rephrases responses with a model served by Ollama ({@code /api/chat}). */
public final class OllamaChatGeneratorFactory implements ResponseGeneratorFactory {

  /** The id bots name in {@code parley.generator.name}. */
  public static final String ID = "OllamaChatGenerator";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Rephrases the chosen response with a model served by Ollama";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return ConnectionProperties.declarations();
  }

  @Override
  public ResponseGenerator create(PluginContext context) {
    PluginConfig config = context.config();
    OllamaChatModel model =
        OllamaChatModel.builder()
            .baseUrl(ConnectionProperties.baseUrl(config))
            .modelName(ConnectionProperties.model(config))
            .temperature(config.getDouble(ConnectionProperties.TEMPERATURE))
            .numPredict(ConnectionProperties.maxTokens(config))
            .timeout(ConnectionProperties.timeout(config))
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
    return new ChatModelGenerator(model);
  }
}
