package dev.parley.plugins.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.response.ResponseGenerator;
import dev.parley.plugin.response.ResponseRequest;
import java.util.Optional;

/**
 * A generator backed by any LangChain4j chat model. Failures of the model (unreachable, HTTP error,
 * unreadable answer) become {@link PluginException}s whose message names the failure kind only,
 * never the prompt or the answer, since both may carry personal data.
 */
final class ChatModelGenerator implements ResponseGenerator {

  private final ChatModel model;

  ChatModelGenerator(ChatModel model) {
    this.model = model;
  }

  @Override
  public Optional<String> generate(ResponseRequest request) {
    ChatResponse response;
    try {
      response = model.chat(ChatPrompt.messages(request));
    } catch (RuntimeException e) {
      throw new PluginException("the chat model failed: " + failureKind(e), e);
    }
    if (response == null || response.aiMessage() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(response.aiMessage().text())
        .map(String::strip)
        .filter(text -> !text.isEmpty());
  }

  private static String failureKind(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == failure
        ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
  }
}
