package dev.parley.plugins.llm;

import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.contract.ResponseGeneratorContract;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The Ollama chat generator against the response generator contract, on a stub server. */
class OllamaChatGeneratorContractTest
    extends ResponseGeneratorContract<OllamaChatGeneratorFactory> {

  private final StubLlmServer stub;

  OllamaChatGeneratorContractTest() throws IOException {
    stub = StubLlmServer.start();
  }

  @Override
  protected OllamaChatGeneratorFactory factory() {
    return new OllamaChatGeneratorFactory();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of(
        "base_url", stub.ollamaBaseUrl("contract"), "model", "stub-model", "timeout_ms", 10_000);
  }

  @AfterAll
  void stopStub() {
    stub.close();
  }
}
