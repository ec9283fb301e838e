package dev.parley.plugins.nlu.sparse;

import java.util.List;
import java.util.Random;

/**
 * Copies of training texts with a made-up lowercase word appended: trained on them as well, the
 * n-gram classifier learns that the character n-grams of a word it has never seen say nothing about
 * the intent, so live input with a name, a typo or noise keeps more of its confidence. The words
 * are drawn from a generator seeded with the number of texts, so training stays reproducible.
 */
final class UnknownWords {

  /** Letters of a made-up word. */
  static final int LETTERS = 5;

  private UnknownWords() {}

  /** Each text with a made-up word appended, in order. */
  static List<String> appendedTo(List<String> texts) {
    Random random = new Random(texts.size());
    return texts.stream().map(text -> text + " " + word(random)).toList();
  }

  private static String word(Random random) {
    char[] letters = new char[LETTERS];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }
}
