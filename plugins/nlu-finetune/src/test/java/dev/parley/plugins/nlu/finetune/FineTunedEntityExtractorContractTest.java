package dev.parley.plugins.nlu.finetune;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.EntityFixtures;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.EntityExtractorContract;
import java.util.List;
import java.util.Map;

/**
 * FineTunedEntityExtractor against the entity extractor contract: one epoch on a dozen of the
 * flights and pizzas, every encoder layer frozen and short messages, to keep it fast.
 */
class FineTunedEntityExtractorContractTest
    extends EntityExtractorContract<FineTunedEntityExtractorFactory> {

  @Override
  protected FineTunedEntityExtractorFactory factory() {
    return new FineTunedEntityExtractorFactory();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("epochs", 1L, "batch_size", 8L, "frozen_layers", 6L, "max_tokens", 12L);
  }

  @Override
  protected TrainingData trainingData() {
    TrainingDataBuilder slice = new TrainingDataBuilder();
    List<NluExample> all = EntityFixtures.flightsAndPizzas().examples();
    for (int i = 0; i < all.size(); i += 11) {
      slice.example(all.get(i));
    }
    return slice.build();
  }
}
