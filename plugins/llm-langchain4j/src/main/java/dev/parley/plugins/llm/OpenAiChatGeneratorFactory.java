package dev.parley.plugins.llm;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.response.ResponseGenerator;
import dev.parley.plugin.response.ResponseGeneratorFactory;
import java.util.List;

/**
 * Rephrases responses with an OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, llama.cpp
 * server, LocalAI and the like). LangChain4j's own retries are off: the core decides about retries,
 * timeouts and the circuit breaker.
 */
public final class OpenAiChatGeneratorFactory implements ResponseGeneratorFactory {

  /** The id bots name in {@code parley.generator.name}. */
  public static final String ID = "OpenAiChatGenerator";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Rephrases the chosen response with an OpenAI-compatible chat model";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return ConnectionProperties.declarations();
  }

  @Override
  public ResponseGenerator create(PluginContext context) {
    PluginConfig config = context.config();
    OpenAiChatModel model = OpenAiChatModels.of(config);
    return new ChatModelGenerator(model);
  }
}
