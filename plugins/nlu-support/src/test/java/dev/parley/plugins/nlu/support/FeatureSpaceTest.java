package dev.parley.plugins.nlu.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugins.testkit.NluDatasets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The slice-based n-gram scan and table lookup against the String-based implementation they
 * replaced (kept here as the reference): same n-grams in the same order, and bit-for-bit the same
 * vectors.
 */
class FeatureSpaceTest {

  private static final List<String> EDGE_CASES =
      List.of(
          "",
          " ",
          "   \t\n ",
          "a",
          "Book 2 seats at 19:30 for 12 people",
          "  leading and trailing spaces   ",
          "tabs\tand\nnew lines\r\nand  runs   of    spaces",
          "我要订两张去北京的机票",
          "帮我查一下明天上海的天气 please",
          "mixed中文and English混合123",
          "全角ＡＢＣ１２３　全角空格",
          "emoji 😀😀 in text 👍🏽 and flags 🇬🇧",
          "family 👨‍👩‍👧 zero width joiner",
          "lone surrogates \uD83D and \uDE00 here",
          "Han extension B 𠀀𠀁 characters",
          "Arabic-Indic digits ٣٤ and Devanagari ४",
          "İstanbul ß ﬁnance Ǆ ligatures",
          "no-break\u00A0space and ideographic\u3000space",
          "punctuation!!! ??? ... --- ,,,",
          "café naïve résumé coöperate",
          "ÀÉÎÕÜ UPPER CASE ACCENTS");

  @Test
  void theScanGivesTheReferenceNgramsInOrder() {
    for (NgramFeaturizer featurizer : featurizers()) {
      for (String text : texts()) {
        assertEquals(
            Reference.ngrams(featurizer, text), featurizer.ngrams(text), featurizer + " " + text);
      }
    }
  }

  @Test
  void vectorsAreBitForBitTheReferenceVectors() {
    List<String> texts = texts();
    for (NgramFeaturizer featurizer : featurizers()) {
      for (boolean sublinear : new boolean[] {true, false}) {
        FeatureSpace space =
            FeatureSpace.fit(texts.subList(0, texts.size() / 2), featurizer, true, sublinear);
        Reference reference = new Reference(space);
        int nonEmpty = 0;
        for (String text : texts) {
          SparseFeatures expected = reference.vector(text);
          SparseFeatures actual = space.vector(text);
          assertArrayEquals(expected.indices(), actual.indices(), text);
          assertArrayEquals(expected.values(), actual.values(), text);
          nonEmpty += actual.size() > 0 ? 1 : 0;
        }
        assertTrue(nonEmpty > texts.size() / 2, "most texts share n-grams with the vocabulary");
      }
    }
  }

  @Test
  void aReadSpaceFindsTheSameFeatures() throws Exception {
    List<String> texts = texts();
    FeatureSpace space = FeatureSpace.fit(texts, new NgramFeaturizer(1, 2, 1, 4), true, true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    space.write(new DataOutputStream(bytes));
    FeatureSpace read =
        FeatureSpace.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (String text : texts) {
      assertEquals(space.vector(text).size(), read.vector(text).size());
      assertArrayEquals(space.vector(text).values(), read.vector(text).values(), text);
    }
  }

  @Test
  void theTableConfirmsEveryHitByName() {
    String[] names = {
      "c:ab",
      "c:ba",
      "c:a",
      "c:\u0000a",
      "w:ab",
      "c:a b",
      "c:_a",
      "c:abcd",
      "c:abcde",
      "c:我要",
      "w:hello world",
      "w:hello there",
      "c:é😀"
    };
    Arrays.sort(names);
    GramTable table = new GramTable(names);
    for (int f = 0; f < names.length; f++) {
      char[] chars = names[f].substring(2).toCharArray();
      assertEquals(
          f, table.find(names[f].charAt(0), chars, 0, chars.length, GramHash.of(names[f])));
    }
    // absent names, short and long, and a present name's characters under the other kind
    for (String absent : List.of("c:b", "c:abc", "w:a b", "w:ba", "c:hello world", "c:我")) {
      char[] chars = absent.substring(2).toCharArray();
      assertEquals(
          -1, table.find(absent.charAt(0), chars, 0, chars.length, GramHash.of(absent)), absent);
    }
    // a long name whose hash is right for another name is still not taken for it
    char[] chars = "hello world".toCharArray();
    assertEquals(-1, table.find('w', chars, 0, chars.length, GramHash.of("w:hello there")));
  }

  private static List<NgramFeaturizer> featurizers() {
    return List.of(
        new NgramFeaturizer(1, 2, 1, 4),
        new NgramFeaturizer(1, 3, 2, 5),
        new NgramFeaturizer(2, 2, 3, 3),
        new NgramFeaturizer(1, 0, 1, 4),
        new NgramFeaturizer(1, 2, 1, 0));
  }

  /**
   * The edge cases, random texts of awkward characters, the Banking77 fixture and, where present, a
   * slice of each shared data set's valid.
   */
  private static List<String> texts() {
    List<String> texts = new ArrayList<>(EDGE_CASES);
    Random random = new Random(11);
    String[] pieces = {
      "a", "B", "z", "7", "٣", "３", " ", "  ", "\t", "\u3000", "\u00A0", "我", "要", "𠀀", "😀",
      "👍🏽", "\uD83D", "\uDE00", "-", "'", "ﬁ", "İ", "ß", "é", "e\u0301", "Ⅻ", "½", "\n"
    };
    for (int i = 0; i < 300; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(20);
      for (int j = 0; j < length; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(text.toString());
    }
    NluDatasets.fixture().stream().map(NluExample::text).forEach(texts::add);
    // more phrasing (and Chinese) where the shared data sets are beside the checkout
    for (String set : List.of("snips", "atis", "cais_zh")) {
      if (NluDatasets.has(set, "valid")) {
        NluDatasets.read(set, "valid").stream()
            .limit(300)
            .map(NluExample::text)
            .forEach(texts::add);
      }
    }
    return texts;
  }

  /** The String-based n-grams and HashMap lookup that the scan and the table replaced. */
  private static final class Reference {
    private final FeatureSpace space;
    private final Map<String, Integer> index = new HashMap<>();

    Reference(FeatureSpace space) {
      this.space = space;
      for (int i = 0; i < space.size(); i++) {
        index.put(space.name(i), i);
      }
    }

    SparseFeatures vector(String text) {
      List<String> grams = ngrams(space.featurizer(), text);
      int[] hits = new int[grams.size()];
      int count = 0;
      for (String gram : grams) {
        Integer feature = index.get(gram);
        if (feature != null) {
          hits[count++] = feature;
        }
      }
      Arrays.sort(hits, 0, count);
      int[] indices = new int[count];
      float[] values = new float[count];
      int distinct = 0;
      for (int i = 0; i < count; ) {
        int j = i;
        while (j < count && hits[j] == hits[i]) {
          j++;
        }
        int tf = j - i;
        indices[distinct] = hits[i];
        values[distinct] =
            (float) ((space.sublinear() ? 1 + Math.log(tf) : tf) * space.idf(hits[i]));
        distinct++;
        i = j;
      }
      double norm = 0;
      for (int i = 0; i < distinct; i++) {
        norm += values[i] * values[i];
      }
      float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      for (int i = 0; i < distinct; i++) {
        values[i] *= scale;
      }
      return new SparseFeatures(Arrays.copyOf(indices, distinct), Arrays.copyOf(values, distinct));
    }

    static List<String> ngrams(NgramFeaturizer f, String text) {
      String lower = text.toLowerCase(Locale.ROOT);
      boolean ascii = lower.chars().allMatch(c -> c < 0x80);
      String normal = ascii ? lower : Normalizer.normalize(lower, Normalizer.Form.NFKC);
      List<String> out = new ArrayList<>();
      if (f.wordMax() > 0) {
        List<String> words = words(normal);
        for (int i = 0; i < words.size(); i++) {
          StringBuilder gram = new StringBuilder("w:");
          for (int n = 1; n <= f.wordMax() && i + n <= words.size(); n++) {
            if (n > 1) {
              gram.append(' ');
            }
            gram.append(words.get(i + n - 1));
            if (n >= f.wordMin()) {
              out.add(gram.toString());
            }
          }
        }
      }
      if (f.charMax() > 0) {
        StringBuilder padded = new StringBuilder("_");
        boolean space = true;
        for (int i = 0; i < normal.length(); i++) {
          char c = normal.charAt(i);
          if (Character.isWhitespace(c)) {
            if (!space) {
              padded.append('_');
            }
            space = true;
          } else {
            padded.append(Character.isDigit(c) ? '0' : c);
            space = false;
          }
        }
        if (!space) {
          padded.append('_');
        }
        for (int i = 0; i < padded.length(); i++) {
          for (int n = f.charMin(); n <= f.charMax() && i + n <= padded.length(); n++) {
            out.add("c:" + padded.substring(i, i + n));
          }
        }
      }
      return out;
    }

    private static List<String> words(String text) {
      List<String> words = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        boolean han = cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        if (han || !Character.isLetterOrDigit(cp)) {
          if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
          }
          if (han) {
            words.add(new String(Character.toChars(cp)));
          }
        } else {
          current.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
        }
      }
      if (current.length() > 0) {
        words.add(current.toString());
      }
      return words;
    }
  }
}
