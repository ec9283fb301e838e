package dev.parley.plugins.entity.crf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens with offsets: runs of letters and digits form a word, every Han or kana
 * character is a token of its own (so Chinese needs no word segmenter), and every other visible
 * character (punctuation, symbols) is a token of its own.
 */
final class Tokenizer {

  private Tokenizer() {}

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        i += width;
      } else if (isWordChar(cp)) {
        int start = i;
        while (i < n && isWordChar(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
        tokens.add(new Token(text.substring(start, i), start, i));
      } else {
        tokens.add(new Token(text.substring(i, i + width), i, i + width));
        i += width;
      }
    }
    return tokens;
  }

  /** Whether the code point is written one character per token. */
  static boolean isCharToken(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) && !isCharToken(cp)
        || Character.getType(cp) == Character.NON_SPACING_MARK;
  }
}
