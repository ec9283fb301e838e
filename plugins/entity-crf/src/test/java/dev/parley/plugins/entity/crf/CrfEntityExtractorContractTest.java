package dev.parley.plugins.entity.crf;

import dev.parley.plugins.testkit.contract.EntityExtractorContract;

/** CRFEntityExtractor against the entity extractor contract (flights and pizzas). */
class CrfEntityExtractorContractTest extends EntityExtractorContract<CrfEntityExtractorFactory> {

  @Override
  protected CrfEntityExtractorFactory factory() {
    return new CrfEntityExtractorFactory();
  }
}
