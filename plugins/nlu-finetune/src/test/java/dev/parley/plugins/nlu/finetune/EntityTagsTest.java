package dev.parley.plugins.nlu.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

  private static final HuggingFaceTokenizer ENGLISH = BaseEncoder.ALL_MINILM_L6_V2.tokenizer(64);

  private static final String TEXT = "fly from New York to Oslo tomorrow";
  private static final NluExample EXAMPLE =
      new NluExample(
          TEXT,
          "book",
          List.of(
              new EntityAnnotation(9, 17, "city", "New York", "from", null),
              new EntityAnnotation(21, 25, "city", "Oslo", "to", null)));

  @Test
  void tagsEveryTokenOfAnEntityBeginningWithItsFirstWord() {
    EntityTags tags = EntityTags.of(List.of(EXAMPLE));
    assertEquals(
        List.of(new EntityTags.Kind("city", "from", null), new EntityTags.Kind("city", "to", null)),
        tags.kinds());
    Encoding encoding = ENGLISH.encode(TEXT);
    // [CLS] fly from new york to oslo tomorrow [SEP]
    assertArrayEquals(
        new String[] {"[CLS]", "fly", "from", "new", "york", "to", "oslo", "tomorrow", "[SEP]"},
        encoding.getTokens());
    assertArrayEquals(new int[] {0, 0, 0, 1, 2, 0, 3, 0, 0}, tags.tagsOf(EXAMPLE, encoding));
  }

  @Test
  void decodesTheTagsItGaveBackToTheAnnotations() {
    EntityTags tags = EntityTags.of(List.of(EXAMPLE));
    Encoding encoding = ENGLISH.encode(TEXT);
    List<EntityTags.Found> found =
        tags.decode(TEXT, encoding, oneHot(tags.tagsOf(EXAMPLE, encoding), tags.size()));
    assertEquals(
        List.of(
            new EntityTags.Found(9, 17, new EntityTags.Kind("city", "from", null), 1.0),
            new EntityTags.Found(21, 25, new EntityTags.Kind("city", "to", null), 1.0)),
        found);
  }

  @Test
  void aWordSplitIntoPiecesIsTaggedAndFoundWhole() {
    String text = "fly to Reykjavik";
    NluExample example =
        new NluExample(text, "book", List.of(new EntityAnnotation(7, 16, "city", "x", null, null)));
    EntityTags tags = EntityTags.of(List.of(example));
    Encoding encoding = ENGLISH.encode(text);
    int[] tagged = tags.tagsOf(example, encoding);
    assertEquals(1, tagged[3]);
    for (int t = 4; t < tagged.length - 1; t++) {
      assertEquals(2, tagged[t], "continuation piece " + encoding.getTokens()[t]);
    }
    // only the first piece says B; the others say O, and the word is still found whole
    int[] firstOnly = new int[tagged.length];
    firstOnly[3] = 1;
    assertEquals(
        List.of(new EntityTags.Found(7, 16, new EntityTags.Kind("city", null, null), 1.0)),
        tags.decode(text, encoding, oneHot(firstOnly, tags.size())));
  }

  @Test
  void convertsCodePointOffsetsAfterEmoji() {
    String text = "🙂 fly to Oslo";
    int oslo = text.indexOf("Oslo");
    NluExample example =
        new NluExample(
            text,
            "book",
            List.of(new EntityAnnotation(oslo, oslo + 4, "city", "Oslo", null, null)));
    EntityTags tags = EntityTags.of(List.of(example));
    Encoding encoding = ENGLISH.encode(text);
    List<EntityTags.Found> found =
        tags.decode(text, encoding, oneHot(tags.tagsOf(example, encoding), tags.size()));
    assertEquals(1, found.size(), found.toString());
    assertEquals("Oslo", text.substring(found.get(0).start(), found.get(0).end()));
  }

  @Test
  void kindsSurviveTheirStoredForm() {
    EntityTags tags =
        new EntityTags(
            List.of(
                new EntityTags.Kind("size", null, "1"), new EntityTags.Kind("city", "to", null)));
    assertEquals(tags.kinds(), EntityTags.fromBytes(tags.toBytes()).kinds());
  }

  private static float[][] oneHot(int[] tags, int size) {
    float[][] probabilities = new float[tags.length][size];
    for (int t = 0; t < tags.length; t++) {
      probabilities[t][tags[t]] = 1f;
    }
    return probabilities;
  }
}
