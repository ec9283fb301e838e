package dev.parley.plugins.nlu.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugins.nlu.dense.SentenceEncoder.Model;
import dev.parley.plugins.nlu.support.BatchSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Micro-batched embeddings equal the embeddings of single runs, with the real ONNX Runtime and the
 * real models: texts of different lengths padded into one run, and many callers at once. A batch of
 * one is the single run, bit for bit. Larger batches agree within the quantized models' tolerance,
 * not exactly: their activations are quantized dynamically with one scale per tensor, and a batch
 * is one tensor, so its other rows and its padding shift the scale (measured cosine 0.96 to 1;
 * short texts padded to long ones differ most).
 */
class SentenceEncoderBatchingTest {

  /** Largest difference allowed per dimension of a unit vector. */
  private static final double TOLERANCE = 0.05;

  /** Least cosine similarity allowed between a batched and a single-run embedding. */
  private static final double MIN_COSINE = 0.95;

  private static final List<String> ENGLISH =
      List.of(
          "hi",
          "book a table for two at an italian restaurant tonight",
          "what will the weather be like in paris next weekend, and should I take an umbrella?",
          "play some jazz",
          "cancel my order",
          "how many moons does jupiter have",
          "I want a large oat milk latte with an extra shot and caramel syrup to take away",
          "yes");

  private static final List<String> CHINESE =
      List.of("明天北京会下雨吗", "帮我放一首周杰伦的歌", "你好", "我想订一张明天早上从上海到北京的高铁票，二等座，靠窗");

  @ParameterizedTest
  @EnumSource(Model.class)
  void aPaddedBatchGivesTheSingleRunsEmbeddings(Model model) {
    SentenceEncoder encoder = SentenceEncoder.of(model);
    List<String> texts = texts(model);
    List<float[]> alone = texts.stream().map(encoder::embedAlone).toList();
    List<float[]> batched = encoder.embedBatch(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertClose(alone, i, batched.get(i), model + ": " + texts.get(i));
    }
  }

  @ParameterizedTest
  @EnumSource(Model.class)
  void aBatchOfOneIsTheSingleRun(Model model) {
    SentenceEncoder encoder = SentenceEncoder.of(model);
    for (String text : texts(model)) {
      assertArrayEquals(encoder.embedAlone(text), encoder.embedBatch(List.of(text)).get(0), text);
      assertArrayEquals(
          encoder.embedAlone(text),
          encoder.embed(text, encoder.newBatcher(BatchSettings.configured().withMaxBatch(32))),
          text);
    }
  }

  @ParameterizedTest
  @EnumSource(Model.class)
  void concurrentCallersGetTheirOwnTextsEmbeddings(Model model) throws Exception {
    SentenceEncoder encoder = SentenceEncoder.of(model);
    var batcher = encoder.newBatcher(BatchSettings.configured().withMaxBatch(32));
    List<String> texts = texts(model);
    List<float[]> alone = texts.stream().map(encoder::embedAlone).toList();
    int callers = 24;
    int rounds = 5;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<float[]>>> results = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<float[]> mine = new ArrayList<>();
                  for (int r = 0; r < rounds; r++) {
                    mine.add(encoder.embed(texts.get((caller + r) % texts.size()), batcher));
                  }
                  return mine;
                }));
      }
      start.countDown();
      for (int c = 0; c < callers; c++) {
        List<float[]> mine = results.get(c).get(2, TimeUnit.MINUTES);
        for (int r = 0; r < rounds; r++) {
          int text = (c + r) % texts.size();
          assertOwnText(alone, text, mine.get(r), model + ": " + texts.get(text));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> texts(Model model) {
    return model == Model.BGE_SMALL_ZH_V15_Q ? CHINESE : ENGLISH;
  }

  /**
   * Within {@link #TOLERANCE} of its own text's single-run embedding in every dimension, and {@link
   * #assertOwnText its own text's}. For a batch whose make-up is fixed: how far a row drifts
   * depends on its batch-mates, so concurrent callers, whose batches vary from run to run, are held
   * to {@link #assertOwnText} only.
   */
  private static void assertClose(List<float[]> alone, int own, float[] actual, String what) {
    float[] expected = alone.get(own);
    assertEquals(expected.length, actual.length, what);
    double worst = 0;
    for (int d = 0; d < expected.length; d++) {
      worst = Math.max(worst, Math.abs(expected[d] - actual[d]));
    }
    assertTrue(worst <= TOLERANCE, what + ": largest difference " + worst);
    assertOwnText(alone, own, actual, what);
  }

  /**
   * At least {@link #MIN_COSINE} to its own text's single-run embedding, and closer to it than to
   * any other text's.
   */
  private static void assertOwnText(List<float[]> alone, int own, float[] actual, String what) {
    float[] expected = alone.get(own);
    assertEquals(expected.length, actual.length, what);
    double cosine = dot(expected, actual);
    assertTrue(cosine >= MIN_COSINE, what + ": cosine " + cosine);
    for (int other = 0; other < alone.size(); other++) {
      if (other != own) {
        assertTrue(dot(alone.get(other), actual) < cosine, what + ": nearer text " + other);
      }
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      sum += a[d] * b[d];
    }
    return sum;
  }
}
