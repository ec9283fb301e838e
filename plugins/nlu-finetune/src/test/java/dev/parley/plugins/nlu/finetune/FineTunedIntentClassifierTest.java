package dev.parley.plugins.nlu.finetune;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifier;
import dev.parley.plugins.nlu.sparse.SparseIntentClassifierFactory;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FineTunedIntentClassifierTest {

  private static final Map<String, Object> QUICK =
      Map.of("epochs", 10L, "batch_size", 8L, "frozen_layers", 4L, "head_learning_rate", 1e-2);

  private static final TrainingData ENGLISH = TrainingDataBuilder.englishIntents();

  private static MemoryStorage storage;
  private static FineTunedIntentClassifier trained;

  @BeforeAll
  static void train() {
    storage = new MemoryStorage();
    trained = create(QUICK);
    trained.train(ENGLISH, storage);
  }

  @Test
  void learnsTheExamplesAndGeneralisesToNewPhrasings() {
    for (NluExample example : ENGLISH.examples()) {
      assertEquals(example.intent(), top(trained, example.text()).name(), example.text());
    }
    assertEquals("ask_weather", top(trained, "what will the weather be on saturday").name());
    assertEquals("order_pizza", top(trained, "I'd like a hawaiian pizza").name());
    assertEquals("greet", top(trained, "hello there").name());
  }

  @Test
  void aStoredVersionServesTheSameRankingAfterLoading() {
    FineTunedIntentClassifier loaded = create(Map.of());
    loaded.load(storage);
    for (String text : List.of("will it snow tomorrow", "bye bye", "a pizza please")) {
      List<IntentPrediction> expected = trained.classify(new Message(text, "en", Map.of()));
      List<IntentPrediction> actual = loaded.classify(new Message(text, "en", Map.of()));
      assertEquals(expected, actual, text);
    }
    loaded.close();
  }

  @Test
  void servedInEightBitsAVersionRanksAsInFloats() {
    FineTunedIntentClassifier floats = create(Map.of("int8", false));
    floats.load(storage);
    FineTunedIntentClassifier int8 = create(Map.of("int8", true));
    int8.load(storage);
    double largestDifference = 0;
    for (NluExample example : ENGLISH.examples()) {
      IntentPrediction exact = top(floats, example.text());
      IntentPrediction approximate = top(int8, example.text());
      assertEquals(exact.name(), approximate.name(), example.text());
      largestDifference =
          Math.max(largestDifference, Math.abs(exact.confidence() - approximate.confidence()));
    }
    assertTrue(largestDifference < 0.05, "confidences moved by " + largestDifference);
    assertTrue(largestDifference > 0, "the 8-bit model computed exactly the float one's figures");
    floats.close();
    int8.close();
  }

  @Test
  void storesOnlyTheLayersItTrained() {
    FineTunedWeights stored =
        FineTunedWeights.fromBytes(storage.read(FineTunedIntentClassifier.WEIGHTS).orElseThrow());
    // layers 4 and 5 of 6: 16 tensors each (four projections, two dense layers, two norms)
    assertEquals(32, stored.encoder().size());
    assertEquals(4, stored.classes());
  }

  @Test
  void fineTunesTheQuantizedBgeEncoderFromItsDequantizedWeights() {
    Map<String, Object> bge = new HashMap<>(QUICK);
    bge.put("base_model", "bge-small-en-v1.5");
    bge.put("frozen_layers", 10L);
    MemoryStorage bgeStorage = new MemoryStorage();
    FineTunedIntentClassifier classifier = create(bge);
    classifier.train(ENGLISH, bgeStorage);
    for (NluExample example : ENGLISH.examples()) {
      assertEquals(example.intent(), top(classifier, example.text()).name(), example.text());
    }
    assertEquals(
        "bge-small-en-v1.5",
        new String(
            bgeStorage.read(FineTunedIntentClassifier.BASE).orElseThrow(), StandardCharsets.UTF_8));
    FineTunedWeights stored =
        FineTunedWeights.fromBytes(
            bgeStorage.read(FineTunedIntentClassifier.WEIGHTS).orElseThrow());
    // layers 10 and 11 of 12
    assertEquals(32, stored.encoder().size());

    // the base is dequantized again on load, under the same names
    FineTunedIntentClassifier loaded = create(Map.of());
    loaded.load(bgeStorage);
    String text = "is it going to rain on friday";
    assertEquals(
        classifier.classify(new Message(text, "en", Map.of())),
        loaded.classify(new Message(text, "en", Map.of())));
    loaded.close();
    classifier.close();
  }

  @Test
  void mixesTheNgramClassifiersProbabilitiesInByItsStoredWeight() {
    MemoryStorage blendedStorage = new MemoryStorage();
    Map<String, Object> blendedSettings = new HashMap<>(QUICK);
    blendedSettings.put("ngram_weight", 0.4);
    FineTunedIntentClassifier blended = create(blendedSettings);
    blended.train(ENGLISH, blendedStorage);
    // the same version as one trained without the mix (no stored weight) serves the encoder alone
    ModelStorage withoutMix =
        new ModelStorage() {
          @Override
          public void write(String name, byte[] content) {
            throw new UnsupportedOperationException(name);
          }

          @Override
          public Optional<byte[]> read(String name) {
            return name.equals(NgramBlend.WEIGHT) ? Optional.empty() : blendedStorage.read(name);
          }
        };
    FineTunedIntentClassifier fineTunedPart = create(Map.of());
    fineTunedPart.load(withoutMix);
    SparseIntentClassifierFactory sparse = new SparseIntentClassifierFactory();
    SparseIntentClassifier ngramPart =
        sparse.model(
            TestContext.of(sparse.configProperties(), Map.of(), TrainingDataBuilder.emptyDomain()));
    ngramPart.load(blendedStorage);
    // a version keeps the weight it was trained with, whatever the configuration now says
    FineTunedIntentClassifier reloaded = create(Map.of("ngram_weight", 0.0));
    reloaded.load(blendedStorage);
    for (String text : List.of("will it snow tomorrow", "bye bye", "a pizza please")) {
      Map<String, Double> fineTuned = confidences(fineTunedPart, text);
      Map<String, Double> ngrams = confidences(ngramPart, text);
      Map<String, Double> mixed = confidences(blended, text);
      assertEquals(fineTuned.keySet(), mixed.keySet());
      for (String intent : mixed.keySet()) {
        assertEquals(
            0.6 * fineTuned.get(intent) + 0.4 * ngrams.get(intent),
            mixed.get(intent),
            1e-6,
            text + " / " + intent);
      }
      assertNotEquals(fineTuned, mixed, "the n-gram model moved nothing: " + text);
      assertEquals(blended.classify(message(text)), reloaded.classify(message(text)), text);
    }
    for (AutoCloseable classifier : List.of(blended, fineTunedPart, ngramPart, reloaded)) {
      assertDoesNotThrow(classifier::close);
    }
  }

  @Test
  void withoutNgramsNothingButTheEncoderIsStored() {
    MemoryStorage plain = new MemoryStorage();
    Map<String, Object> settings = new HashMap<>(QUICK);
    settings.put("ngram_weight", 0.0);
    try (FineTunedIntentClassifier classifier = create(settings)) {
      classifier.train(ENGLISH, plain);
      assertTrue(plain.read(NgramBlend.WEIGHT).isEmpty());
      assertEquals(3, plain.size(), "base, intents and weights only");
      assertEquals("greet", top(classifier, "hello there").name());
    }
  }

  @Test
  void refusesAnNgramWeightAboveOne() {
    PluginException error =
        assertThrows(PluginException.class, () -> create(Map.of("ngram_weight", 1.5)));
    assertTrue(error.getMessage().contains("ngram_weight"), error.getMessage());
  }

  @Test
  void aSingleIntentBotNeedsNoFineTuning() {
    MemoryStorage single = new MemoryStorage();
    FineTunedIntentClassifier classifier = create(QUICK);
    classifier.train(new TrainingDataBuilder().intent("greet", "hi", "hello").build(), single);
    assertTrue(single.read(FineTunedIntentClassifier.WEIGHTS).isEmpty());
    assertEquals(
        List.of(new IntentPrediction("greet", 1.0)),
        classifier.classify(new Message("anything", "en", Map.of())));
  }

  @Test
  void aModelFromAnUnknownBaseEncoderAsksForRetraining() {
    MemoryStorage foreign = new MemoryStorage();
    storage
        .read(FineTunedIntentClassifier.INTENTS)
        .ifPresent(b -> foreign.write(FineTunedIntentClassifier.INTENTS, b));
    foreign.write(FineTunedIntentClassifier.BASE, "bert-huge".getBytes(StandardCharsets.UTF_8));
    PluginException error =
        assertThrows(PluginException.class, () -> create(Map.of()).load(foreign));
    assertTrue(
        error.getMessage().contains("bert-huge") && error.getMessage().contains("retrain"),
        error.getMessage());
  }

  @Test
  void refusesANonPositiveEpochCount() {
    PluginException error = assertThrows(PluginException.class, () -> create(Map.of("epochs", 0L)));
    assertTrue(error.getMessage().contains("epochs"), error.getMessage());
  }

  private static FineTunedIntentClassifier create(Map<String, Object> overrides) {
    FineTunedIntentClassifierFactory factory = new FineTunedIntentClassifierFactory();
    return (FineTunedIntentClassifier)
        factory.create(
            TestContext.of(
                factory.configProperties(), overrides, TrainingDataBuilder.emptyDomain()));
  }

  private static Map<String, Double> confidences(IntentClassifier classifier, String text) {
    Map<String, Double> byIntent = new HashMap<>();
    classifier.classify(message(text)).forEach(p -> byIntent.put(p.name(), p.confidence()));
    return byIntent;
  }

  private static Message message(String text) {
    return new Message(text, "en", Map.of());
  }

  private static IntentPrediction top(IntentClassifier classifier, String text) {
    return classifier.classify(new Message(text, "en", Map.of())).get(0);
  }
}
