package dev.parley.plugins.entity.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English numbers in digits ("20", "1,000", "3.5", "21st") and in words ("two", "twenty-one", "one
 * hundred and five", "third", "twenty-first").
 */
final class EnglishNumbers {

  private static final Pattern DIGITS =
      Pattern.compile(
          "(?<![\\w.,])(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)(st|nd|rd|th)?(?![\\w]|[.,]\\d)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19));
  private static final Map<String, Integer> TENS =
      Map.of(
          "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);
  private static final Map<String, Long> SCALES =
      Map.of("thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);
  private static final Map<String, String> ORDINALS =
      Map.ofEntries(
          Map.entry("first", "one"),
          Map.entry("second", "two"),
          Map.entry("third", "three"),
          Map.entry("fourth", "four"),
          Map.entry("fifth", "five"),
          Map.entry("sixth", "six"),
          Map.entry("seventh", "seven"),
          Map.entry("eighth", "eight"),
          Map.entry("ninth", "nine"),
          Map.entry("tenth", "ten"),
          Map.entry("eleventh", "eleven"),
          Map.entry("twelfth", "twelve"),
          Map.entry("thirteenth", "thirteen"),
          Map.entry("fourteenth", "fourteen"),
          Map.entry("fifteenth", "fifteen"),
          Map.entry("sixteenth", "sixteen"),
          Map.entry("seventeenth", "seventeen"),
          Map.entry("eighteenth", "eighteen"),
          Map.entry("nineteenth", "nineteen"),
          Map.entry("twentieth", "twenty"),
          Map.entry("thirtieth", "thirty"),
          Map.entry("fortieth", "forty"),
          Map.entry("fiftieth", "fifty"),
          Map.entry("sixtieth", "sixty"),
          Map.entry("seventieth", "seventy"),
          Map.entry("eightieth", "eighty"),
          Map.entry("ninetieth", "ninety"),
          Map.entry("hundredth", "hundred"),
          Map.entry("thousandth", "thousand"),
          Map.entry("millionth", "million"));

  private EnglishNumbers() {}

  static List<NumberMatch> find(String text) {
    List<NumberMatch> found = new ArrayList<>();
    Matcher digits = DIGITS.matcher(text);
    while (digits.find()) {
      double value = Double.parseDouble(digits.group(1).replace(",", ""));
      found.add(new NumberMatch(digits.start(), digits.end(), value, digits.group(2) != null));
    }
    List<int[]> words = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words.add(new int[] {word.start(), word.end()});
    }
    for (int i = 0; i < words.size(); ) {
      Optional<NumberMatch> match = wordsAt(text, words, i);
      if (match.isPresent()) {
        found.add(match.get());
        int end = match.get().end();
        while (i < words.size() && words.get(i)[0] < end) {
          i++;
        }
      } else {
        i++;
      }
    }
    return found;
  }

  /** The value of a single number word or digits ("two", "a", "12"), if it is one. */
  static Optional<Integer> small(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.equals("a") || w.equals("an")) {
      return Optional.of(1);
    }
    if (w.chars().allMatch(Character::isDigit) && !w.isEmpty() && w.length() < 7) {
      return Optional.of(Integer.parseInt(w));
    }
    Integer unit = UNITS.get(w);
    return Optional.ofNullable(unit != null ? unit : TENS.get(w));
  }

  private enum Kind {
    NONE,
    UNIT,
    TEEN,
    TEN,
    HUNDRED,
    SCALE
  }

  private static Optional<NumberMatch> wordsAt(String text, List<int[]> words, int first) {
    long total = 0;
    long current = 0;
    Kind last = Kind.NONE;
    int end = -1;
    boolean ordinal = false;
    for (int j = first; j < words.size() && !ordinal; j++) {
      int[] span = words.get(j);
      if (j > first && !text.substring(words.get(j - 1)[1], span[0]).matches("[\\s-]+")) {
        break;
      }
      String w = text.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
      if (w.equals("and") && last != Kind.NONE && j + 1 < words.size()) {
        continue;
      }
      if ((w.equals("a") || w.equals("an")) && last == Kind.NONE && j + 1 < words.size()) {
        String next =
            text.substring(words.get(j + 1)[0], words.get(j + 1)[1]).toLowerCase(Locale.ROOT);
        if (next.equals("hundred") || SCALES.containsKey(next)) {
          current = 1;
          last = Kind.UNIT;
          continue;
        }
        break;
      }
      if (ORDINALS.containsKey(w)) {
        w = ORDINALS.get(w);
        ordinal = true;
      }
      Integer unit = UNITS.get(w);
      Integer ten = TENS.get(w);
      Long scale = SCALES.get(w);
      if (unit != null
          && (last == Kind.NONE
              || last == Kind.HUNDRED
              || last == Kind.SCALE
              || last == Kind.TEN && unit > 0 && unit < 10)) {
        current += unit;
        last = unit >= 10 ? Kind.TEEN : Kind.UNIT;
      } else if (ten != null && (last == Kind.NONE || last == Kind.HUNDRED || last == Kind.SCALE)) {
        current += ten;
        last = Kind.TEN;
      } else if (w.equals("hundred") && (last == Kind.UNIT || last == Kind.TEEN)) {
        current *= 100;
        last = Kind.HUNDRED;
      } else if (scale != null && last != Kind.NONE && last != Kind.SCALE) {
        total += current * scale;
        current = 0;
        last = Kind.SCALE;
      } else {
        ordinal = false;
        break;
      }
      end = span[1];
    }
    if (end < 0) {
      return Optional.empty();
    }
    return Optional.of(new NumberMatch(words.get(first)[0], end, total + current, ordinal));
  }
}
