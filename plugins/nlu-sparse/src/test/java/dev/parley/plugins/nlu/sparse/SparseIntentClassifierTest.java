package dev.parley.plugins.nlu.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.support.LinearHead;
import dev.parley.plugins.nlu.support.NgramFeaturizer;
import dev.parley.plugins.nlu.support.OnnxLinearGraph;
import dev.parley.plugins.nlu.support.OnnxLinearScorer;
import dev.parley.plugins.nlu.support.Rankings;
import dev.parley.plugins.nlu.support.SparseFeatures;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.NluDatasets;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

class SparseIntentClassifierTest {

  private static final SparseIntentClassifierFactory FACTORY = new SparseIntentClassifierFactory();

  private static SparseIntentClassifier create(Map<String, Object> settings) {
    return FACTORY.model(
        TestContext.of(
            FACTORY.configProperties(), settings, TrainingDataBuilder.bilingualIntents().domain()));
  }

  @Test
  void onnxRuntimeAnswersExactlyAsTribuoOnADataSlice() throws Exception {
    List<NluExample> data = slice();
    SparseIntentClassifier classifier = create(Map.of());
    LinearHead head = classifier.fit(data.subList(0, data.size() * 4 / 5));
    List<NluExample> heldOut = data.subList(data.size() * 4 / 5, data.size());
    List<String> intents = head.intents();
    try (OnnxLinearScorer onnx =
        new OnnxLinearScorer(OnnxLinearGraph.build(head.weights(), "test"), 0)) {
      int compared = 0;
      for (NluExample example : heldOut) {
        SparseFeatures vector = head.space().vector(example.text());
        Prediction<Label> tribuo =
            head.model()
                .predict(
                    LinearHead.example(LabelFactory.UNKNOWN_LABEL, head.space(), vector, null, 0));
        float[] probabilities = onnx.probabilities(vector, null);
        for (int c = 0; c < intents.size(); c++) {
          double expected = tribuo.getOutputScores().get(intents.get(c)).getScore();
          assertEquals(expected, probabilities[c], 1e-5, example.text());
        }
        assertEquals(
            tribuo.getOutput().getLabel(), Rankings.of(intents, probabilities).get(0).name());
        compared++;
      }
      assertTrue(compared >= 50, "compared " + compared);
    }
  }

  @Test
  void classifiesHeldOutParaphrasesInBothLanguages() {
    try (SparseIntentClassifier classifier = create(Map.of())) {
      classifier.train(TrainingDataBuilder.bilingualIntents(), new MemoryStorage());
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
            assertEquals(3, ranking.size());
            assertEquals(
                1.0, ranking.stream().mapToDouble(IntentPrediction::confidence).sum(), 1e-5);
          });
    }
  }

  @Test
  void aLoadedModelPredictsExactlyLikeTheTrainedOneAndCloseReleasesIt() {
    MemoryStorage storage = new MemoryStorage();
    SparseIntentClassifier trained = create(Map.of());
    trained.train(TrainingDataBuilder.bilingualIntents(), storage);
    assertEquals(2, storage.size());
    SparseIntentClassifier loaded = create(Map.of());
    loaded.load(storage);
    for (String text : List.of("hello", "再见", "order something")) {
      assertEquals(
          trained.classify(new Message(text, "en", null)),
          loaded.classify(new Message(text, "en", null)));
    }
    loaded.close();
    assertThrows(
        IllegalStateException.class, () -> loaded.classify(new Message("hello", "en", null)));
    trained.close();
  }

  @Test
  void oneIntentAndBadSettingsAndMissingModels() {
    SparseIntentClassifier single = create(Map.of());
    single.train(new TrainingDataBuilder().intent("only", "a", "b").build(), new MemoryStorage());
    assertEquals(
        List.of(new IntentPrediction("only", 1.0)), single.classify(new Message("x", "en", null)));
    assertThrows(PluginException.class, () -> create(Map.of()).load(new MemoryStorage()));
    assertThrows(
        PluginException.class, () -> create(Map.of("char_ngram_min", 5L, "char_ngram_max", 2L)));
    assertThrows(PluginException.class, () -> create(Map.of("cost", 0.0)));
  }

  @Test
  void featuresFoldDigitsAndSplitHanCharacters() {
    NgramFeaturizer featurizer = new NgramFeaturizer(1, 2, 2, 2);
    List<String> grams = featurizer.ngrams("Book 2 seats 我要");
    assertTrue(grams.contains("w:book 0"), grams.toString());
    assertTrue(grams.contains("w:我 要"), grams.toString());
    assertTrue(grams.contains("c:_b"), grams.toString());
    assertTrue(grams.contains("c:0_"), grams.toString());
    assertTrue(grams.contains("c:我要"), grams.toString());
  }

  @Test
  void trainedWithMadeUpWordsAnUnknownWordCostsLessConfidenceAndCleanAccuracyHolds() {
    List<NluExample> data = slice();
    TrainingDataBuilder builder = new TrainingDataBuilder();
    data.subList(0, data.size() * 4 / 5).forEach(builder::example);
    TrainingData train = builder.build();
    List<NluExample> heldOut = data.subList(data.size() * 4 / 5, data.size());
    List<String> withUnknownWord = heldOut.stream().map(e -> e.text() + " " + "qzvkx").toList();
    try (SparseIntentClassifier plain = create(Map.of("augment_unknown_words", false));
        SparseIntentClassifier augmented = create(Map.of())) {
      plain.train(train, new MemoryStorage());
      augmented.train(train, new MemoryStorage());
      double plainConfidence = meanTopConfidence(plain, withUnknownWord);
      double augmentedConfidence = meanTopConfidence(augmented, withUnknownWord);
      assertTrue(
          augmentedConfidence > plainConfidence + 0.02,
          "with an unknown word: " + augmentedConfidence + " against " + plainConfidence);
      double plainAccuracy = accuracy(plain, heldOut);
      double augmentedAccuracy = accuracy(augmented, heldOut);
      assertTrue(
          augmentedAccuracy >= plainAccuracy - 0.02,
          "clean held-out accuracy " + augmentedAccuracy + " against " + plainAccuracy);
    }
  }

  private static double meanTopConfidence(SparseIntentClassifier classifier, List<String> texts) {
    return texts.stream()
        .mapToDouble(text -> classifier.classify(new Message(text, "en", null)).get(0).confidence())
        .average()
        .orElseThrow();
  }

  private static double accuracy(SparseIntentClassifier classifier, List<NluExample> examples) {
    return examples.stream()
            .filter(
                e ->
                    classifier
                        .classify(new Message(e.text(), "en", null))
                        .get(0)
                        .name()
                        .equals(e.intent()))
            .count()
        / (double) examples.size();
  }

  /** The Banking77 slice inside the repository, in a fixed shuffle. */
  private static List<NluExample> slice() {
    List<NluExample> all = new ArrayList<>(NluDatasets.fixture());
    java.util.Collections.shuffle(all, new java.util.Random(7));
    return all;
  }
}
