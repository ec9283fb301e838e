package dev.parley.plugins.llm;

import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.contract.ResponseGeneratorContract;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The OpenAI chat generator against the response generator contract, on a stub server. */
class OpenAiChatGeneratorContractTest
    extends ResponseGeneratorContract<OpenAiChatGeneratorFactory> {

  private final StubLlmServer stub;

  OpenAiChatGeneratorContractTest() throws IOException {
    stub = StubLlmServer.start();
  }

  @Override
  protected OpenAiChatGeneratorFactory factory() {
    return new OpenAiChatGeneratorFactory();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of(
        "base_url", stub.openAiBaseUrl("contract"), "model", "stub-model", "timeout_ms", 10_000);
  }

  @AfterAll
  void stopStub() {
    stub.close();
  }
}
