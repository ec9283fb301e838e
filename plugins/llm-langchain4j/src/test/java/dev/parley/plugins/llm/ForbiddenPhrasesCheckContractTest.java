package dev.parley.plugins.llm;

import dev.parley.plugin.response.ReplyCandidate;
import dev.parley.plugins.testkit.contract.ReplyCheckContract;
import java.util.List;
import java.util.Map;

/** The forbidden-phrases check against the reply check contract. */
class ForbiddenPhrasesCheckContractTest extends ReplyCheckContract<ForbiddenPhrasesCheckFactory> {

  @Override
  protected ForbiddenPhrasesCheckFactory factory() {
    return new ForbiddenPhrasesCheckFactory();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("phrases", List.of("discount", "free delivery"));
  }

  @Override
  protected List<ReplyCandidate> candidates() {
    return List.of(
        candidate("Sure thing! What size would you like?", "What size would you like?"),
        candidate("What size? Today only: a 50% discount!", "What size would you like?"),
        candidate("Free delivery today. What size?", "What size would you like?"));
  }
}
