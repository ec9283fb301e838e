package dev.parley.core.replychecks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small text tests the built-in reply checks share; English and Chinese. */
final class TextSignals {

  private static final List<String> CLOSINGS =
      List.of(
          "goodbye",
          "good bye",
          "bye",
          "see you",
          "have a nice day",
          "have a great day",
          "take care",
          "that's all",
          "all set",
          "all done",
          "is complete",
          "is completed",
          "is confirmed",
          "has been placed",
          "再见",
          "拜拜",
          "下次见",
          "已完成",
          "完成了",
          "已确认",
          "已下单");

  private static final Set<String> STOPWORDS =
      Set.of(
          "what", "which", "would", "could", "should", "your", "you", "like", "want", "have",
          "please", "that", "this", "with", "there", "their", "about", "from", "they", "will",
          "does", "some", "tell");

  private TextSignals() {}

  /** Whether the text contains a goodbye or a claim that something is finished. */
  static boolean closes(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String phrase : CLOSINGS) {
      int at = lower.indexOf(phrase);
      while (at >= 0) {
        if (isWordBoundary(lower, at - 1) && isWordBoundary(lower, at + phrase.length())) {
          return true;
        }
        at = lower.indexOf(phrase, at + 1);
      }
    }
    return false;
  }

  /** Whether the text asks something. */
  static boolean asks(String text) {
    return text.indexOf('?') >= 0
        || text.indexOf('？') >= 0
        || text.contains("吗")
        || text.contains("呢")
        || text.contains("请告诉")
        || text.contains("请问")
        || text.contains("请留")
        || text.contains("请提供")
        || text.contains("请输入")
        || text.contains("请选择");
  }

  /**
   * The words that carry a text's meaning: Latin words of four letters or more that are not
   * stopwords, and every pair of adjacent Chinese characters.
   */
  static Set<String> keywords(String text) {
    Set<String> words = new LinkedHashSet<>();
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder latin = new StringBuilder();
    char previousCjk = 0;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c) && !isCjk(c)) {
        latin.append(c);
      } else {
        addLatin(words, latin);
      }
      if (isCjk(c)) {
        if (previousCjk != 0) {
          words.add("" + previousCjk + c);
        }
        previousCjk = c;
      } else {
        previousCjk = 0;
      }
    }
    return words;
  }

  /** Whether any of the keywords occurs in the text. */
  static boolean mentionsAny(String text, Set<String> keywords) {
    String lower = text.toLowerCase(Locale.ROOT);
    return keywords.stream().anyMatch(lower::contains);
  }

  private static void addLatin(Set<String> words, StringBuilder latin) {
    if (latin.length() >= 4 && !STOPWORDS.contains(latin.toString())) {
      words.add(stem(latin.toString()));
    }
    latin.setLength(0);
  }

  private static String stem(String word) {
    return word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word;
  }

  private static boolean isCjk(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static boolean isWordBoundary(String text, int index) {
    if (index < 0 || index >= text.length()) {
      return true;
    }
    char c = text.charAt(index);
    return !Character.isLetterOrDigit(c) || isCjk(c);
  }
}
