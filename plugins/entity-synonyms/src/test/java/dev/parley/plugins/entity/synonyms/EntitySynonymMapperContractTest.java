package dev.parley.plugins.entity.synonyms;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.EntityExtractorContract;
import java.util.List;

/**
 * EntitySynonymMapper against the entity extractor contract: it only rewrites values of earlier
 * extractors' entities, so its own output on an empty list is empty.
 */
class EntitySynonymMapperContractTest extends EntityExtractorContract<EntitySynonymMapperFactory> {

  @Override
  protected EntitySynonymMapperFactory factory() {
    return new EntitySynonymMapperFactory();
  }

  @Override
  protected TrainingData trainingData() {
    return new TrainingDataBuilder().synonym("veggie", "vegetarian").synonym("大", "大份").build();
  }

  @Override
  protected List<String> messages() {
    return List.of("veggie pizza please", "大 一份", "hello", "");
  }
}
