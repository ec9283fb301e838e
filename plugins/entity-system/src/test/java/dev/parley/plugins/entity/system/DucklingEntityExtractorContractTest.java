package dev.parley.plugins.entity.system;

import dev.parley.plugins.testkit.contract.EntityExtractorContract;
import java.util.List;

/** DucklingEntityExtractor (local, no server) against the entity extractor contract. */
class DucklingEntityExtractorContractTest
    extends EntityExtractorContract<DucklingEntityExtractorFactory> {

  @Override
  protected DucklingEntityExtractorFactory factory() {
    return new DucklingEntityExtractorFactory(DucklingEntityExtractorTest.NOW);
  }

  @Override
  protected List<String> messages() {
    return List.of(
        "order 12 pizzas for 3pm tomorrow",
        "mail me at pip@example.com or call +1 555 123 4567",
        "it costs $20 and takes 2 hours",
        "明天下午三点",
        "hello",
        "");
  }
}
