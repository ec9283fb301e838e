package dev.parley.plugins.nlu.sparse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The n-grams of a text: lower-cased word n-grams ({@code w:} prefix; every Han character is a word
 * of its own, so Chinese needs no segmenter) and character n-grams over the whole text with runs of
 * spaces as {@code _}, the text padded with {@code _} ({@code c:} prefix). Digits fold to {@code
 * 0}. A single pass over the text, no regular expressions.
 *
 * @param wordMin shortest word n-gram
 * @param wordMax longest word n-gram (0 for no word n-grams)
 * @param charMin shortest character n-gram
 * @param charMax longest character n-gram (0 for no character n-grams)
 */
public record NgramFeaturizer(int wordMin, int wordMax, int charMin, int charMax) {

  /** Checks the ranges. */
  public NgramFeaturizer {
    if (wordMin < 1 || charMin < 1 || (wordMax != 0 && wordMax < wordMin)) {
      throw new IllegalArgumentException("n-gram ranges must satisfy 1 <= min <= max");
    }
    if (charMax != 0 && charMax < charMin) {
      throw new IllegalArgumentException("n-gram ranges must satisfy 1 <= min <= max");
    }
  }

  /** Every n-gram of the text, repeated as often as it occurs. */
  public List<String> ngrams(String text) {
    String normal = normalise(text);
    List<String> out = new ArrayList<>(normal.length() * Math.max(1, charMax - charMin + 1) + 16);
    if (wordMax > 0) {
      wordNgrams(words(normal), out);
    }
    if (charMax > 0) {
      charNgrams(normal, out);
    }
    return out;
  }

  private static String normalise(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int i = 0; i < lower.length() && ascii; i++) {
      ascii = lower.charAt(i) < 0x80;
    }
    return ascii ? lower : Normalizer.normalize(lower, Normalizer.Form.NFKC);
  }

  private void wordNgrams(List<String> words, List<String> out) {
    StringBuilder gram = new StringBuilder(32);
    for (int i = 0; i < words.size(); i++) {
      gram.setLength(0);
      gram.append("w:");
      for (int n = 1; n <= wordMax && i + n <= words.size(); n++) {
        if (n > 1) {
          gram.append(' ');
        }
        gram.append(words.get(i + n - 1));
        if (n >= wordMin) {
          out.add(gram.toString());
        }
      }
    }
  }

  private void charNgrams(String normal, List<String> out) {
    StringBuilder padded = new StringBuilder(normal.length() + 2).append('_');
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
    String chars = padded.toString();
    int length = chars.length();
    char[] gram = new char[charMax + 2];
    gram[0] = 'c';
    gram[1] = ':';
    for (int i = 0; i < length; i++) {
      for (int n = charMin; n <= charMax && i + n <= length; n++) {
        chars.getChars(i, i + n, gram, 2);
        out.add(new String(gram, 0, n + 2));
      }
    }
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
