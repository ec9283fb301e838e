package dev.parley.plugins.llm;

import dev.parley.plugins.testkit.StubLlmServer;
import dev.parley.plugins.testkit.contract.IntentRecheckContract;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The LLM re-check stage against the intent re-check contract, on a stub server. */
class LlmFewShotRecheckContractTest extends IntentRecheckContract<LlmFewShotRecheckFactory> {

  private final StubLlmServer stub;

  LlmFewShotRecheckContractTest() throws IOException {
    stub = StubLlmServer.start();
    stub.reply("contract", "order");
  }

  @Override
  protected LlmFewShotRecheckFactory factory() {
    return new LlmFewShotRecheckFactory();
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
