package dev.parley.plugins.entity.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegexEntityExtractorTest {

  private static final RegexEntityExtractorFactory FACTORY = new RegexEntityExtractorFactory();

  private static TrainingData data() {
    return new TrainingDataBuilder()
        .regex("phone", "\\d{3}-\\d{3}-\\d{4}")
        .lookup("meal", "chicken", "beef", "鸡肉", "鸡")
        .build();
  }

  private static RegexEntityExtractor trained(MemoryStorage storage) {
    RegexEntityExtractor extractor =
        (RegexEntityExtractor)
            FACTORY.create(TestContext.of(FACTORY.configProperties(), Map.of(), data().domain()));
    extractor.train(data(), storage);
    return extractor;
  }

  private static List<String> found(RegexEntityExtractor extractor, String text) {
    return extractor.extract(new Message(text, "en", null), List.of()).stream()
        .map(e -> e.entity() + "=" + e.value() + "@" + e.start() + "-" + e.end())
        .toList();
  }

  @Test
  void regexesAndLookupsWithOffsets() {
    RegexEntityExtractor extractor = trained(new MemoryStorage());
    assertEquals(
        List.of("meal=Chicken@6-13", "phone=555-123-4567@23-35"),
        found(extractor, "a big Chicken, call me 555-123-4567"));
  }

  @Test
  void latinEntriesNeedWordBoundariesHanEntriesDoNotAndTheLongestWins() {
    RegexEntityExtractor extractor = trained(new MemoryStorage());
    assertEquals(List.of(), found(extractor, "beefy chickens"));
    assertEquals(List.of("meal=鸡肉@2-4"), found(extractor, "我要鸡肉套餐"));
  }

  @Test
  void keepsEarlierEntitiesAndLoadsFromStorage() {
    MemoryStorage storage = new MemoryStorage();
    trained(storage);
    RegexEntityExtractor loaded =
        (RegexEntityExtractor)
            FACTORY.create(TestContext.of(FACTORY.configProperties(), Map.of(), data().domain()));
    loaded.load(storage);
    Entity earlier = Entity.of("language", "en", 0, 4, 1.0, "x");
    List<Entity> all = loaded.extract(new Message("beef", "en", null), List.of(earlier));
    assertEquals(2, all.size());
    assertEquals(earlier, all.get(0));
    assertEquals("RegexEntityExtractor", all.get(1).extractor());
  }
}
