package dev.parley.plugins.nlu.logreg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogisticRegressionIntentClassifierTest {

  private static final LogisticRegressionIntentClassifierFactory FACTORY =
      new LogisticRegressionIntentClassifierFactory();

  private static IntentClassifier create() {
    return FACTORY.create(
        TestContext.of(
            FACTORY.configProperties(), Map.of(), TrainingDataBuilder.bilingualIntents().domain()));
  }

  @Test
  void classifiesHeldOutParaphrasesInBothLanguages() {
    IntentClassifier classifier = create();
    ((Trainable) classifier).train(TrainingDataBuilder.bilingualIntents(), new MemoryStorage());
    Map<String, String> heldOut =
        Map.of(
            "hello there", "greet",
            "see you", "goodbye",
            "could i order a meal", "order",
            "你好呀", "greet",
            "拜拜啦", "goodbye",
            "我想点餐", "order");
    heldOut.forEach(
        (text, intent) -> {
          List<IntentPrediction> ranking = classifier.classify(new Message(text, "en", null));
          assertEquals(intent, ranking.get(0).name(), text + " -> " + ranking);
          assertTrue(ranking.get(0).confidence() > 0.5, text + " -> " + ranking);
        });
  }

  @Test
  void rankingCoversEveryIntentBestFirstAndSumsToOne() {
    IntentClassifier classifier = create();
    ((Trainable) classifier).train(TrainingDataBuilder.bilingualIntents(), new MemoryStorage());
    List<IntentPrediction> ranking = classifier.classify(new Message("hi", "en", null));
    assertEquals(3, ranking.size());
    assertTrue(ranking.get(0).confidence() >= ranking.get(1).confidence());
    assertEquals(1.0, ranking.stream().mapToDouble(IntentPrediction::confidence).sum(), 1e-6);
  }

  @Test
  void aLoadedModelPredictsExactlyLikeTheTrainedOne() {
    MemoryStorage storage = new MemoryStorage();
    IntentClassifier trained = create();
    ((Trainable) trained).train(TrainingDataBuilder.bilingualIntents(), storage);
    IntentClassifier loaded = create();
    ((Trainable) loaded).load(storage);
    for (String text : List.of("hello", "再见", "order something", "xyz")) {
      assertEquals(
          trained.classify(new Message(text, "en", null)),
          loaded.classify(new Message(text, "en", null)));
    }
  }

  @Test
  void missingModelAndBadSettingsAreClearErrors() {
    IntentClassifier classifier = create();
    assertThrows(PluginException.class, () -> ((Trainable) classifier).load(new MemoryStorage()));
    assertThrows(
        PluginException.class,
        () ->
            FACTORY.create(
                TestContext.of(
                    FACTORY.configProperties(),
                    Map.of("char_ngram_min", 5L, "char_ngram_max", 2L),
                    TrainingDataBuilder.bilingualIntents().domain())));
  }
}
