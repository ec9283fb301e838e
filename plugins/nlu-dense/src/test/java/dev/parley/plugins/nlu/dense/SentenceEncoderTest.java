package dev.parley.plugins.nlu.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugins.nlu.dense.SentenceEncoder.Model;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

  @Test
  void bgeSmallEnPlacesAParaphraseCloserThanAnUnrelatedSentence() {
    assertParaphraseCloser(
        Model.BGE_SMALL_EN_V15_Q,
        "book a table for two at an italian restaurant tonight",
        "reserve a table for 2 people at an italian place this evening",
        "how many moons does jupiter have");
  }

  @Test
  void miniLmPlacesAParaphraseCloserThanAnUnrelatedSentence() {
    assertParaphraseCloser(
        Model.ALL_MINILM_L6_V2_Q,
        "book a table for two at an italian restaurant tonight",
        "reserve a table for 2 people at an italian place this evening",
        "how many moons does jupiter have");
  }

  @Test
  void bgeSmallZhPlacesAParaphraseCloserThanAnUnrelatedSentence() {
    assertParaphraseCloser(Model.BGE_SMALL_ZH_V15_Q, "明天北京会下雨吗", "北京明天的天气有雨吗", "帮我放一首周杰伦的歌");
  }

  @Test
  void modelsAreChosenByNameOrByTheBotsLanguage() {
    assertEquals(Model.BGE_SMALL_ZH_V15_Q, Model.choose("auto", "zh-CN"));
    assertEquals(Model.ALL_MINILM_L6_V2_Q, Model.choose("auto", "en"));
    assertEquals(Model.ALL_MINILM_L6_V2_Q, Model.choose(null, null));
    assertEquals(Model.ALL_MINILM_L6_V2_Q, Model.choose("all-minilm-l6-v2-q", "en"));
    assertEquals(Model.BGE_SMALL_EN_V15_Q, Model.choose("bge-small-en-v1.5-q", "en"));
    assertThrows(PluginException.class, () -> Model.choose("bge-large", "en"));
  }

  private static void assertParaphraseCloser(
      Model model, String text, String paraphrase, String unrelated) {
    SentenceEncoder encoder = SentenceEncoder.of(model);
    float[] a = encoder.embed(text);
    assertEquals(encoder.dimension(), a.length);
    assertEquals(1.0, dot(a, a), 1e-4, "unit length");
    double close = dot(a, encoder.embed(paraphrase));
    double far = dot(a, encoder.embed(unrelated));
    assertTrue(close > far + 0.2, model.id() + ": paraphrase " + close + ", unrelated " + far);
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      sum += a[d] * b[d];
    }
    return sum;
  }
}
