package dev.parley.plugins.entity.language;

import dev.parley.plugins.testkit.contract.EntityExtractorContract;

/** LanguageEntityExtractor against the entity extractor contract. */
class LanguageEntityExtractorContractTest
    extends EntityExtractorContract<LanguageEntityExtractorFactory> {

  @Override
  protected LanguageEntityExtractorFactory factory() {
    return new LanguageEntityExtractorFactory();
  }
}
