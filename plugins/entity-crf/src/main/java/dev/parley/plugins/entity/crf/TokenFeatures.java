package dev.parley.plugins.entity.crf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tribuo.Feature;

/**
 * The features of each token of a sentence: the lower-cased word, its prefixes and suffixes (1 to 4
 * characters), its shape and digit flags, the words within {@code window} tokens either side, the
 * words a little further away as a position-free bag (left or right), the n-grams around it, the
 * sentence's first two words (a hint at what the sentence asks for, which helps to tell e.g. a
 * departure from an arrival time), plus extra features from the caller (the gazetteer's). For
 * Chinese, where every character is a token, the neighbour and n-gram features are the character
 * n-gram context.
 */
final class TokenFeatures {

  private static final String BOS = "<s>";
  private static final String EOS = "</s>";

  /** Words beyond the window up to this distance become position-free left/right features. */
  private static final int BAG_REACH = 4;

  private static final int LONGEST_AFFIX = 4;

  private final int window;

  TokenFeatures(int window) {
    this.window = window;
  }

  /** The features of each token plus the given extra feature names per token. */
  List<List<Feature>> of(List<Token> tokens, List<Set<String>> extra) {
    int n = tokens.size();
    String[] words = new String[n];
    for (int i = 0; i < n; i++) {
      words[i] = tokens.get(i).text().toLowerCase(Locale.ROOT);
    }
    List<List<Feature>> all = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Set<String> names = new LinkedHashSet<>();
      String text = tokens.get(i).text();
      String word = words[i];
      names.add("bias");
      names.add("w=" + word);
      names.add("shape=" + shape(text));
      if (!isCharToken(text)) {
        for (int k = 1; k <= LONGEST_AFFIX && k < word.length(); k++) {
          names.add("pre" + k + "=" + word.substring(0, k));
          names.add("suf" + k + "=" + word.substring(word.length() - k));
        }
      }
      if (text.chars().allMatch(Character::isDigit)) {
        names.add("digits=" + Math.min(text.length(), 5));
      }
      if (Character.isUpperCase(text.codePointAt(0))) {
        names.add("title");
      }
      for (int d = 1; d <= window; d++) {
        names.add("w-" + d + "=" + at(words, i - d));
        names.add("w+" + d + "=" + at(words, i + d));
      }
      for (int d = window + 1; d <= BAG_REACH; d++) {
        if (i - d >= 0) {
          names.add("L=" + words[i - d]);
        }
        if (i + d < n) {
          names.add("R=" + words[i + d]);
        }
      }
      names.add("s0=" + words[0]);
      names.add("s0|s1=" + words[0] + "|" + at(words, 1));
      names.add("w-1|w=" + at(words, i - 1) + "|" + word);
      names.add("w|w+1=" + word + "|" + at(words, i + 1));
      names.add("w-2|w-1=" + at(words, i - 2) + "|" + at(words, i - 1));
      names.add("w+1|w+2=" + at(words, i + 1) + "|" + at(words, i + 2));
      names.add("w-2|w-1|w=" + at(words, i - 2) + "|" + at(words, i - 1) + "|" + word);
      names.add("w|w+1|w+2=" + word + "|" + at(words, i + 1) + "|" + at(words, i + 2));
      names.add("w-1|w|w+1=" + at(words, i - 1) + "|" + word + "|" + at(words, i + 1));
      names.addAll(extra.get(i));
      List<Feature> features = new ArrayList<>(names.size());
      for (String name : names) {
        features.add(new Feature(name, 1.0));
      }
      all.add(features);
    }
    return all;
  }

  private static String at(String[] words, int i) {
    if (i < 0) {
      return BOS;
    }
    return i >= words.length ? EOS : words[i];
  }

  private static boolean isCharToken(String text) {
    return Tokenizer.isCharToken(text.codePointAt(0));
  }

  /**
   * The word's shape with runs collapsed: {@code "Oslo"} → {@code "Xx"}, {@code "5pm"} → {@code
   * "dx"}.
   */
  static String shape(String text) {
    StringBuilder shape = new StringBuilder();
    char last = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      char c;
      if (Tokenizer.isCharToken(cp)) {
        c = 'C';
      } else if (Character.isUpperCase(cp)) {
        c = 'X';
      } else if (Character.isLetter(cp)) {
        c = 'x';
      } else if (Character.isDigit(cp)) {
        c = 'd';
      } else {
        c = '.';
      }
      if (c != last) {
        shape.append(c);
        last = c;
      }
      i += Character.charCount(cp);
    }
    return shape.toString();
  }
}
