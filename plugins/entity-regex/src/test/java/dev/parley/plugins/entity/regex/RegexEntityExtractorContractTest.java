package dev.parley.plugins.entity.regex;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import dev.parley.plugins.testkit.contract.EntityExtractorContract;
import java.util.List;

/** RegexEntityExtractor against the entity extractor contract. */
class RegexEntityExtractorContractTest
    extends EntityExtractorContract<RegexEntityExtractorFactory> {

  @Override
  protected RegexEntityExtractorFactory factory() {
    return new RegexEntityExtractorFactory();
  }

  @Override
  protected TrainingData trainingData() {
    return new TrainingDataBuilder()
        .regex("phone", "\\d{3}-\\d{3}-\\d{4}")
        .lookup("meal", "chicken", "beef", "鸡肉", "鸡")
        .build();
  }

  @Override
  protected List<String> messages() {
    return List.of("call 555-123-4567 about the beef", "我要鸡肉", "Chicken or BEEF?", "hello", "");
  }
}
