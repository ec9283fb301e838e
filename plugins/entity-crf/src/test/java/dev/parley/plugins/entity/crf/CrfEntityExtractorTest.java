package dev.parley.plugins.entity.crf;

import static dev.parley.plugins.testkit.EntityFixtures.flightsAndPizzas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CrfEntityExtractorTest {

  private static final CrfEntityExtractorFactory FACTORY = new CrfEntityExtractorFactory();

  static EntityExtractor create(Map<String, Object> config) {
    return FACTORY.create(
        TestContext.of(FACTORY.configProperties(), config, TrainingDataBuilder.emptyDomain()));
  }

  private static List<Entity> extract(EntityExtractor extractor, String text) {
    return extractor.extract(new Message(text, "en", null), List.of());
  }

  private static String describe(Entity e) {
    return e.entity()
        + (e.role() == null ? "" : "/" + e.role())
        + (e.group() == null ? "" : "#" + e.group())
        + "="
        + e.value()
        + "@"
        + e.start()
        + "-"
        + e.end();
  }

  @Test
  void learnsEntitiesWithRolesFromAnnotations() {
    EntityExtractor extractor = create(Map.of());
    ((CrfEntityExtractor) extractor).train(flightsAndPizzas(), new MemoryStorage());
    List<Entity> found = extract(extractor, "i want to fly from Rome to San Francisco");
    assertEquals(
        List.of("city/departure=Rome@19-23", "city/destination=San Francisco@27-40"),
        found.stream().map(CrfEntityExtractorTest::describe).toList());
    for (Entity entity : found) {
      assertEquals("CRFEntityExtractor", entity.extractor());
      assertTrue(
          entity.confidenceEntity() > 0.5 && entity.confidenceEntity() <= 1.0, entity.toString());
    }
    assertEquals(List.of(), extract(extractor, "hello there"));
  }

  @Test
  void carriesGroupsThroughWithBilouTagsToo() {
    EntityExtractor extractor = create(Map.of("BILOU_flag", true));
    ((CrfEntityExtractor) extractor).train(flightsAndPizzas(), new MemoryStorage());
    assertEquals(
        List.of(
            "size#1=large@2-7",
            "topping#1=ham@19-22",
            "size#2=small@29-34",
            "topping#2=cheese@44-50"),
        extract(extractor, "a large pizza with ham and a small one with cheese").stream()
            .map(CrfEntityExtractorTest::describe)
            .toList());
  }

  @Test
  void aStoredModelLoadsIntoANewWorkerAndPredictsTheSame() {
    MemoryStorage storage = new MemoryStorage();
    EntityExtractor trained = create(Map.of());
    ((CrfEntityExtractor) trained).train(flightsAndPizzas(), storage);
    EntityExtractor loaded = create(Map.of());
    ((CrfEntityExtractor) loaded).load(storage);
    String text = "book a flight to Tokyo from Madrid please";
    assertEquals(extract(trained, text), extract(loaded, text));
    assertEquals(2, extract(loaded, text).size());
  }

  /** The trainer's provenance stored with the model these settings train. */
  private static String trainerOf(Map<String, Object> settings) {
    MemoryStorage storage = new MemoryStorage();
    ((CrfEntityExtractor) create(settings)).train(flightsAndPizzas(), storage);
    return TrainedCrf.fromBytes(storage.read(CrfEntityExtractor.MODEL).orElseThrow())
        .crf()
        .getProvenance()
        .getTrainerProvenance()
        .toString();
  }

  @Test
  void theWeightsAreAveragedOverTheLastEpochsAsConfigured() {
    // by default over all 5 epochs; 127 examples make an epoch
    String byDefault = trainerOf(Map.of());
    assertTrue(
        byDefault.contains("TailAveraging") && byDefault.contains("skippedSteps=0,"), byDefault);
    String lastFour = trainerOf(Map.of("average_epochs", 4L));
    assertTrue(lastFour.contains("skippedSteps=127,"), lastFour);
    String longer = trainerOf(Map.of("max_iterations", 8L));
    assertTrue(longer.contains("skippedSteps=381,"), longer);
    String none = trainerOf(Map.of("average_epochs", 0L));
    assertTrue(!none.contains("TailAveraging"), none);
  }

  @Test
  void modelsWithTheLastWeightsStillLoadAndPredict() {
    MemoryStorage storage = new MemoryStorage();
    EntityExtractor trained = create(Map.of("average_epochs", 0L));
    ((CrfEntityExtractor) trained).train(flightsAndPizzas(), storage);
    EntityExtractor loaded = create(Map.of());
    ((CrfEntityExtractor) loaded).load(storage);
    String text = "book a flight to Tokyo from Madrid please";
    assertEquals(extract(trained, text), extract(loaded, text));
    assertEquals(
        List.of("city/destination=Tokyo@17-22", "city/departure=Madrid@28-34"),
        extract(loaded, text).stream().map(CrfEntityExtractorTest::describe).toList());
  }

  @Test
  void keepsEarlierEntitiesAndHandsValuesToTheSynonymMapper() {
    TrainingDataBuilder builder = new TrainingDataBuilder().synonym("nyc", "New York");
    flightsAndPizzas().examples().forEach(builder::example);
    builder.example(
        new NluExample(
            "fly to nyc",
            "book_flight",
            List.of(new EntityAnnotation(7, 10, "city", "New York", "destination", null))));
    TrainingData data = builder.build();
    EntityExtractor crf = create(Map.of());
    ((CrfEntityExtractor) crf).train(data, new MemoryStorage());
    EntityExtractorFactory synonymsFactory =
        ServiceLoader.load(EntityExtractorFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("EntitySynonymMapper"))
            .findFirst()
            .orElseThrow();
    EntityExtractor synonyms =
        synonymsFactory.create(
            TestContext.of(synonymsFactory.configProperties(), Map.of(), data.domain()));
    ((dev.parley.plugin.Trainable) synonyms).train(data, new MemoryStorage());
    Entity earlier = Entity.of("language", "en", 0, 0, 1.0, "LanguageEntityExtractor");
    List<Entity> entities =
        crf.extract(new Message("i want to fly from Oslo to nyc", "en", null), List.of(earlier));
    List<Entity> mapped =
        synonyms.extract(new Message("i want to fly from Oslo to nyc", "en", null), entities);
    assertEquals(earlier, mapped.get(0));
    Entity destination = mapped.get(mapped.size() - 1);
    assertEquals("New York", destination.value());
    assertEquals(List.of("EntitySynonymMapper"), destination.processors());
    assertEquals("CRFEntityExtractor", destination.extractor());
  }

  @Test
  void dataWithoutAnnotationsGivesAnExtractorThatFindsNothing() {
    MemoryStorage storage = new MemoryStorage();
    EntityExtractor extractor = create(Map.of());
    ((CrfEntityExtractor) extractor)
        .train(new TrainingDataBuilder().intent("greet", "hi", "hello").build(), storage);
    assertEquals(List.of(), extract(extractor, "hi"));
    EntityExtractor loaded = create(Map.of());
    ((CrfEntityExtractor) loaded).load(storage);
    assertEquals(List.of(), extract(loaded, "hi"));
  }

  @Test
  void theOrderOfTheExamplesDoesNotChangeTheModel() {
    List<NluExample> fileOrder = flightsAndPizzas().examples();
    List<NluExample> reversed = new ArrayList<>(fileOrder);
    java.util.Collections.reverse(reversed);
    List<NluExample> shuffled = new ArrayList<>(fileOrder);
    java.util.Collections.shuffle(shuffled, new java.util.Random(7));
    List<String> texts =
        List.of(
            "i want to fly from Rome to San Francisco",
            "book a flight to Tokyo from Madrid please",
            "fly from Lisbon to Berlin",
            "a large pizza with ham and a small one with cheese",
            "a medium pizza with olives",
            "hello there");
    List<List<String>> expected = predictions(fileOrder, texts);
    assertTrue(expected.stream().mapToInt(List::size).sum() >= 8, expected.toString());
    assertEquals(expected, predictions(reversed, texts));
    assertEquals(expected, predictions(shuffled, texts));
  }

  /** The entities, with their confidences, that a CRF trained on the examples finds in texts. */
  private static List<List<String>> predictions(List<NluExample> examples, List<String> texts) {
    TrainingDataBuilder builder = new TrainingDataBuilder();
    examples.forEach(builder::example);
    EntityExtractor extractor = create(Map.of());
    ((CrfEntityExtractor) extractor).train(builder.build(), new MemoryStorage());
    return texts.stream()
        .map(
            text ->
                extract(extractor, text).stream()
                    .map(e -> describe(e) + "~" + e.confidenceEntity())
                    .toList())
        .toList();
  }

  @Test
  void missingOrBrokenModelsAndBadSettingsAreErrors() {
    EntityExtractor extractor = create(Map.of());
    assertThrows(
        PluginException.class, () -> ((CrfEntityExtractor) extractor).load(new MemoryStorage()));
    MemoryStorage broken = new MemoryStorage();
    broken.write(CrfEntityExtractor.MODEL, new byte[] {1, 2, 3});
    assertThrows(PluginException.class, () -> ((CrfEntityExtractor) extractor).load(broken));
    assertThrows(PluginException.class, () -> create(Map.of("max_iterations", 0L)));
    assertThrows(PluginException.class, () -> create(Map.of("average_epochs", -1L)));
  }

  @Test
  void modelsStoredInAnotherFormatAreAClearError() throws java.io.IOException {
    MemoryStorage storage = new MemoryStorage();
    ((CrfEntityExtractor) create(Map.of())).train(flightsAndPizzas(), storage);
    byte[] stored = storage.read(CrfEntityExtractor.MODEL).orElseThrow();
    java.io.ByteArrayOutputStream tribuoOnly = new java.io.ByteArrayOutputStream();
    TrainedCrf.fromBytes(stored).crf().serializeToStream(tribuoOnly);
    byte[] otherVersion = stored.clone();
    otherVersion[7] = 1;
    for (byte[] bytes : List.of(tribuoOnly.toByteArray(), otherVersion)) {
      MemoryStorage old = new MemoryStorage();
      old.write(CrfEntityExtractor.MODEL, bytes);
      PluginException error =
          assertThrows(
              PluginException.class, () -> ((CrfEntityExtractor) create(Map.of())).load(old));
      assertTrue(error.getMessage().contains("train the model again"), error.getMessage());
    }
  }

  @Test
  void chineseIsTaggedPerCharacter() {
    List<NluExample> examples = new ArrayList<>();
    List<String> singers = List.of("周杰伦", "王菲", "陈奕迅", "邓紫棋", "林俊杰", "孙燕姿");
    List<String> templates = List.of("我想听%s的歌", "播放%s的音乐", "来一首%s唱的");
    for (String singer : singers) {
      for (String template : templates) {
        String text = String.format(template, singer);
        int start = text.indexOf(singer);
        examples.add(
            new NluExample(
                text,
                "play",
                List.of(
                    new EntityAnnotation(
                        start, start + singer.length(), "singer", singer, null, null))));
      }
    }
    TrainingDataBuilder builder = new TrainingDataBuilder();
    examples.forEach(builder::example);
    EntityExtractor extractor = create(Map.of("max_iterations", 10L));
    ((CrfEntityExtractor) extractor).train(builder.build(), new MemoryStorage());
    assertEquals(
        List.of("singer=张学友@3-6"),
        extract(extractor, "我想听张学友的歌").stream().map(CrfEntityExtractorTest::describe).toList());
  }
}
