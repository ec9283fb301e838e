package dev.parley.plugins.nlu.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.EntityFixtures;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FineTunedEntityExtractorTest {

  private static final Map<String, Object> QUICK =
      Map.of("epochs", 8L, "batch_size", 8L, "frozen_layers", 3L, "head_learning_rate", 1e-2);

  private static MemoryStorage storage;
  private static FineTunedEntityExtractor trained;

  @BeforeAll
  static void train() {
    storage = new MemoryStorage();
    trained = create(QUICK);
    trained.train(EntityFixtures.flightsAndPizzas(), storage);
  }

  @Test
  void tellsDepartureFromDestinationByContext() {
    assertEquals(
        List.of("city/departure=Paris", "city/destination=San Francisco"),
        described(extract(trained, "i want to fly from Paris to San Francisco")));
    assertEquals(
        List.of("city/destination=Rome", "city/departure=New York"),
        described(extract(trained, "book a flight to Rome from New York please")));
  }

  @Test
  void carriesGroups() {
    assertEquals(
        List.of("size@1=large", "topping@1=ham", "size@2=small", "topping@2=cheese"),
        described(extract(trained, "a large pizza with ham and a small one with cheese")));
  }

  @Test
  void offsetsCountJavaCharactersAfterEmoji() {
    String text = "🙂🙂 i want to fly from Tokyo to Madrid";
    List<Entity> found = extract(trained, text);
    assertEquals(2, found.size(), found.toString());
    for (Entity entity : found) {
      assertEquals(entity.value(), text.substring(entity.start(), entity.end()));
    }
    assertEquals(text.indexOf("Tokyo"), found.get(0).start());
  }

  @Test
  void keepsWhatEarlierExtractorsFoundAndGivesConfidences() {
    Entity earlier = Entity.of("number", 2L, 0, 1, 1.0, "DucklingEntityExtractor");
    List<Entity> all =
        trained.extract(
            new Message("2 flights from Oslo to Berlin", "en", Map.of()), List.of(earlier));
    assertEquals(earlier, all.get(0));
    assertEquals(3, all.size(), all.toString());
    for (Entity entity : all.subList(1, 3)) {
      assertEquals(FineTunedEntityExtractorFactory.ID, entity.extractor());
      assertTrue(
          entity.confidenceEntity() > 0.5 && entity.confidenceEntity() <= 1.0, entity.toString());
    }
  }

  @Test
  void aStoredVersionFindsTheSameEntitiesAfterLoading() {
    FineTunedEntityExtractor loaded = create(Map.of());
    loaded.load(storage);
    for (String text :
        List.of(
            "i want to fly from Berlin to Oslo",
            "a medium pizza with olives and a large one with cheese",
            "hello there")) {
      assertEquals(extract(trained, text), extract(loaded, text), text);
    }
    loaded.close();
  }

  @Test
  void servedInEightBitsAVersionFindsTheSameSpans() {
    FineTunedEntityExtractor floats = create(Map.of("int8", false));
    floats.load(storage);
    FineTunedEntityExtractor int8 = create(Map.of("int8", true));
    int8.load(storage);
    for (String text :
        List.of(
            "i want to fly from Berlin to Oslo",
            "a medium pizza with olives and a large one with cheese",
            "hello there")) {
      assertEquals(
          described(extract(floats, text)), described(extract(int8, text)), "int8: " + text);
    }
    floats.close();
    int8.close();
  }

  @Test
  void aBotWithoutAnnotationsNeedsNoFineTuning() {
    MemoryStorage plain = new MemoryStorage();
    FineTunedEntityExtractor extractor = create(QUICK);
    extractor.train(new TrainingDataBuilder().intent("greet", "hi", "hello").build(), plain);
    assertEquals(0, plain.read(FineTunedEntityExtractor.WEIGHTS).orElseThrow().length);
    assertEquals(List.of(), extract(extractor, "hi from Berlin"));
    FineTunedEntityExtractor loaded = create(Map.of());
    loaded.load(plain);
    assertEquals(List.of(), extract(loaded, "hi from Berlin"));
  }

  private static List<String> described(List<Entity> entities) {
    return entities.stream()
        .map(
            e ->
                e.entity()
                    + (e.role() == null ? "" : "/" + e.role())
                    + (e.group() == null ? "" : "@" + e.group())
                    + "="
                    + e.value())
        .toList();
  }

  private static List<Entity> extract(FineTunedEntityExtractor extractor, String text) {
    return extractor.extract(new Message(text, "en", Map.of()), List.of());
  }

  private static FineTunedEntityExtractor create(Map<String, Object> overrides) {
    FineTunedEntityExtractorFactory factory = new FineTunedEntityExtractorFactory();
    return (FineTunedEntityExtractor)
        factory.create(
            TestContext.of(
                factory.configProperties(), overrides, TrainingDataBuilder.emptyDomain()));
  }
}
