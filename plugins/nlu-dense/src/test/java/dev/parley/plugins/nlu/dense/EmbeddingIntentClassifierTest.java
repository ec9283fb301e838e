package dev.parley.plugins.nlu.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.TrainingData;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugins.nlu.support.LinearHead;
import dev.parley.plugins.nlu.support.OnnxLinearGraph;
import dev.parley.plugins.nlu.support.OnnxLinearScorer;
import dev.parley.plugins.nlu.support.SparseFeatures;
import dev.parley.plugins.testkit.MemoryStorage;
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

class EmbeddingIntentClassifierTest {

  static TrainingData english() {
    return TrainingDataBuilder.englishIntents();
  }

  static TrainingData chinese() {
    TrainingData data =
        new TrainingDataBuilder()
            .intent("greet", "你好", "您好", "早上好", "哈喽", "晚上好")
            .intent("play_music", "我要听周杰伦的歌", "放一首歌", "播放音乐", "来点轻音乐", "给我放一首摇滚")
            .intent("ask_weather", "今天天气怎么样", "明天会下雨吗", "北京的天气", "外面冷不冷", "今天需要带伞吗")
            .build();
    return new TrainingData(
        "zh", data.domain(), data.examples(), Map.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static EmbeddingIntentClassifier create(
      dev.parley.plugin.nlu.IntentClassifierFactory factory, String language) {
    return create(factory, language, Map.of());
  }

  private static EmbeddingIntentClassifier create(
      dev.parley.plugin.nlu.IntentClassifierFactory factory,
      String language,
      Map<String, Object> config) {
    TestContext defaults = TestContext.of(factory.configProperties(), config, english().domain());
    return (EmbeddingIntentClassifier)
        factory.create(new TestContext(defaults.config(), language, english().domain(), "t/b"));
  }

  @Test
  void hybridUnderstandsEnglishParaphrasesAndOnnxAgreesWithTribuo() throws Exception {
    try (EmbeddingIntentClassifier classifier = create(new HybridIntentClassifierFactory(), "en")) {
      classifier.train(english(), new MemoryStorage());
      assertTop(classifier, "could you bring me a pepperoni pizza", "order_pizza");
      assertTop(classifier, "is it going to rain this afternoon", "ask_weather");
      assertTop(classifier, "bye for now", "goodbye");

      SentenceEncoder encoder = SentenceEncoder.of(SentenceEncoder.Model.ALL_MINILM_L6_V2_Q);
      List<NluExample> examples = english().examples();
      LinearHead head =
          classifier.fit(
              examples, encoder.embedAll(examples.stream().map(NluExample::text).toList()));
      try (OnnxLinearScorer onnx =
          new OnnxLinearScorer(OnnxLinearGraph.build(head.weights(), "t"), encoder.dimension())) {
        for (String text : List.of("pizza now", "rainy days", "hello you", "ciao")) {
          float[] embedding = encoder.embed(text);
          SparseFeatures sparse = head.space().vector(text);
          Prediction<Label> tribuo =
              head.model()
                  .predict(
                      LinearHead.example(
                          LabelFactory.UNKNOWN_LABEL,
                          head.space(),
                          sparse,
                          embedding,
                          encoder.dimension()));
          float[] probabilities = onnx.probabilities(sparse, embedding);
          for (int c = 0; c < head.intents().size(); c++) {
            assertEquals(
                tribuo.getOutputScores().get(head.intents().get(c)).getScore(),
                probabilities[c],
                1e-4,
                text);
          }
        }
      }
    }
  }

  @Test
  void denseUsesTheChineseEncoderForAChineseBotAndReloadsIdentically() {
    MemoryStorage storage = new MemoryStorage();
    EmbeddingIntentClassifier trained = create(new DenseIntentClassifierFactory(), "zh");
    trained.train(chinese(), storage);
    assertEquals("bge-small-zh-v1.5-q", new String(storage.read("dense.encoder").orElseThrow()));
    assertTop(trained, "帮我放一首周杰伦的歌", "play_music");
    assertTop(trained, "上海明天天气怎么样", "ask_weather");
    EmbeddingIntentClassifier loaded = create(new DenseIntentClassifierFactory(), "zh");
    loaded.load(storage);
    assertEquals(
        trained.classify(new Message("你好呀", "zh", null)),
        loaded.classify(new Message("你好呀", "zh", null)));
    loaded.close();
    assertThrows(IllegalStateException.class, () -> loaded.classify(new Message("你好", "zh", null)));
    trained.close();
    EmbeddingIntentClassifier english = create(new DenseIntentClassifierFactory(), "en");
    english.load(storage);
    assertTop(english, "上海明天天气怎么样", "ask_weather");
    english.close();
  }

  @Test
  void aStoredModelIsServedWithTheEncoderItWasTrainedWith() {
    MemoryStorage storage = new MemoryStorage();
    Map<String, Object> miniLm = Map.of("embedding_model", "all-minilm-l6-v2-q");
    EmbeddingIntentClassifier trained = create(new HybridIntentClassifierFactory(), "en", miniLm);
    trained.train(english(), storage);
    assertEquals("all-minilm-l6-v2-q", new String(storage.read("hybrid.encoder").orElseThrow()));
    Map<String, Object> bge = Map.of("embedding_model", "bge-small-en-v1.5-q");
    EmbeddingIntentClassifier loaded = create(new HybridIntentClassifierFactory(), "en", bge);
    loaded.load(storage);
    for (String text : List.of("could you bring me a pepperoni pizza", "bye for now", "ciao")) {
      assertEquals(
          trained.classify(new Message(text, "en", null)),
          loaded.classify(new Message(text, "en", null)),
          text);
    }
    trained.close();
    loaded.close();

    storage.write("hybrid.encoder", "word2vec".getBytes(StandardCharsets.UTF_8));
    EmbeddingIntentClassifier unknown = create(new HybridIntentClassifierFactory(), "en", bge);
    assertThrows(PluginException.class, () -> unknown.load(storage));
  }

  private static void assertTop(IntentClassifier classifier, String text, String intent) {
    List<IntentPrediction> ranking = classifier.classify(new Message(text, "en", null));
    assertEquals(intent, ranking.get(0).name(), text + " -> " + ranking);
    assertEquals(1.0, ranking.stream().mapToDouble(IntentPrediction::confidence).sum(), 1e-4);
  }
}
