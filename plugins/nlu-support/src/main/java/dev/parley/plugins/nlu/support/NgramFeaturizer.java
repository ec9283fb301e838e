package dev.parley.plugins.nlu.support;

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

  /**
   * Receives the n-grams of a {@link #scan}: the name is {@code kind} ({@code 'w'} or {@code 'c'}),
   * a colon and {@code chars[from, to)}; {@code hash} is its {@link GramHash}. The buffer is the
   * scan's own and is only valid during the call.
   */
  @FunctionalInterface
  interface GramVisitor {
    void gram(char kind, char[] chars, int from, int to, long hash);
  }

  /** At most how many n-grams a character of text starts (to size buffers). */
  int gramsPerChar() {
    return (charMax == 0 ? 0 : charMax - charMin + 1) + wordMax;
  }

  /** Every n-gram of the text, repeated as often as it occurs. */
  public List<String> ngrams(String text) {
    List<String> out = new ArrayList<>(text.length() * gramsPerChar() + 16);
    scan(
        text,
        (kind, chars, from, to, hash) ->
            out.add(
                new StringBuilder(to - from + 2)
                    .append(kind)
                    .append(':')
                    .append(chars, from, to - from)
                    .toString()));
    return out;
  }

  /**
   * Hands every n-gram of the text to the visitor in the order of {@link #ngrams} (word n-grams by
   * start then length, then character n-grams likewise), as slices of a buffer instead of Strings.
   */
  void scan(String text, GramVisitor visitor) {
    String normal = normalise(text);
    if (wordMax > 0) {
      wordNgrams(normal, visitor);
    }
    if (charMax > 0) {
      charNgrams(normal, visitor);
    }
  }

  private static String normalise(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean ascii = true;
    for (int i = 0; i < lower.length() && ascii; i++) {
      ascii = lower.charAt(i) < 0x80;
    }
    return ascii ? lower : Normalizer.normalize(lower, Normalizer.Form.NFKC);
  }

  private void wordNgrams(String normal, GramVisitor visitor) {
    Words words = Words.of(normal);
    for (int i = 0; i < words.count; i++) {
      long hash = GramHash.prefix('w');
      int from = words.starts[i];
      int position = from;
      for (int n = 1; n <= wordMax && i + n <= words.count; n++) {
        // the slice runs on through the separating spaces, as the n-gram's name does
        int to = words.ends[i + n - 1];
        for (; position < to; position++) {
          hash = GramHash.step(hash, words.chars[position]);
        }
        if (n >= wordMin) {
          visitor.gram('w', words.chars, from, to, hash);
        }
      }
    }
  }

  private void charNgrams(String normal, GramVisitor visitor) {
    char[] padded = new char[normal.length() + 2];
    int length = 0;
    padded[length++] = '_';
    boolean space = true;
    for (int i = 0; i < normal.length(); i++) {
      char c = normal.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space) {
          padded[length++] = '_';
        }
        space = true;
      } else {
        padded[length++] = Character.isDigit(c) ? '0' : c;
        space = false;
      }
    }
    if (!space) {
      padded[length++] = '_';
    }
    for (int i = 0; i < length; i++) {
      long hash = GramHash.prefix('c');
      for (int n = 1; n <= charMax && i + n <= length; n++) {
        hash = GramHash.step(hash, padded[i + n - 1]);
        if (n >= charMin) {
          visitor.gram('c', padded, i, i + n, hash);
        }
      }
    }
  }

  /**
   * The words of a text, joined by single spaces in one buffer: runs of letters and digits (digits
   * as {@code 0}), every Han character a word of its own.
   */
  private static final class Words {
    final char[] chars;
    final int[] starts;
    final int[] ends;
    int count;
    private int length;
    private boolean open;

    private Words(int textLength) {
      chars = new char[2 * textLength];
      starts = new int[textLength];
      ends = new int[textLength];
    }

    static Words of(String text) {
      Words words = new Words(text.length());
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        boolean han = cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
        if (han) {
          words.end();
          words.begin();
          words.append(cp);
          words.end();
        } else if (Character.isLetterOrDigit(cp)) {
          if (!words.open) {
            words.begin();
          }
          words.append(Character.isDigit(cp) ? '0' : cp);
        } else {
          words.end();
        }
      }
      words.end();
      return words;
    }

    private void begin() {
      if (count > 0) {
        chars[length++] = ' ';
      }
      starts[count] = length;
      open = true;
    }

    private void append(int cp) {
      length += Character.toChars(cp, chars, length);
    }

    private void end() {
      if (open) {
        ends[count++] = length;
        open = false;
      }
    }
  }
}
