package dev.parley.plugins.llm;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.parley.plugin.PluginConfig;

/**
 * Builds the OpenAI-compatible chat model of a connection's settings, the same for every plugin:
 * LangChain4j's own retries off (the core decides about retries), no request or response logging
 * (prompts may hold personal data).
 */
final class OpenAiChatModels {

  private OpenAiChatModels() {}

  static OpenAiChatModel of(PluginConfig config) {
    return OpenAiChatModel.builder()
        .baseUrl(ConnectionProperties.baseUrl(config))
        .apiKey(config.getString(ConnectionProperties.API_KEY).orElse("none"))
        .modelName(ConnectionProperties.model(config))
        .temperature(config.getDouble(ConnectionProperties.TEMPERATURE))
        .maxTokens(ConnectionProperties.maxTokens(config))
        .timeout(ConnectionProperties.timeout(config))
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}
