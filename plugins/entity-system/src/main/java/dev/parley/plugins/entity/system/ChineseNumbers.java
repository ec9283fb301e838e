package dev.parley.plugins.entity.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese numerals: "二十" (20), "两个" (2), "三百五" (350), "一万二" (12000), "一百零五" (105), "二零二六" (2026),
 * digits mixed with units ("3百"), and ordinals with 第 ("第三").
 */
final class ChineseNumbers {

  /** A run of numeral characters (with at least one Chinese numeral in it). */
  static final String NUMERAL = "[0-9零〇一二两三四五六七八九十百千万亿]+";

  private static final Pattern RUN = Pattern.compile("(第)?(" + NUMERAL + ")");
  private static final String DIGITS = "零一二三四五六七八九";

  /** Characters after a lone 一 that make it part of a word (一下, 一起 …), not a number. */
  private static final String NOT_AFTER_ONE = "下起些样直定般切共旦同边点";

  private ChineseNumbers() {}

  static List<NumberMatch> find(String text) {
    List<NumberMatch> found = new ArrayList<>();
    Matcher run = RUN.matcher(text);
    while (run.find()) {
      String numeral = run.group(2);
      if (numeral.chars().allMatch(c -> c < 128)) {
        continue;
      }
      if (numeral.equals("一")
          && run.group(1) == null
          && run.end() < text.length()
          && NOT_AFTER_ONE.indexOf(text.charAt(run.end())) >= 0) {
        continue;
      }
      parse(numeral)
          .ifPresent(
              value ->
                  found.add(new NumberMatch(run.start(), run.end(), value, run.group(1) != null)));
    }
    return found;
  }

  /** The value of a numeral ("三百五", "12", "两"), if it is one. */
  static Optional<Long> parse(String numeral) {
    if (numeral.isEmpty()) {
      return Optional.empty();
    }
    boolean hasUnit = numeral.chars().anyMatch(c -> "十百千万亿".indexOf(c) >= 0);
    if (!hasUnit) {
      long value = 0;
      for (char c : numeral.toCharArray()) {
        value = value * 10 + digit(c);
      }
      return Optional.of(value);
    }
    long total = 0;
    long section = 0;
    long number = 0;
    long lastUnit = 0;
    boolean afterUnit = false;
    boolean zero = false;
    for (char c : numeral.toCharArray()) {
      long unit =
          switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10_000;
            case '亿' -> 100_000_000;
            default -> 0;
          };
      if (unit == 0) {
        int d = digit(c);
        zero |= d == 0 && (c == '零' || c == '〇');
        number = afterUnit ? d : number * 10 + d;
        afterUnit = false;
        continue;
      }
      if (unit == 10) {
        section += (number == 0 ? 1 : number) * 10;
      } else if (unit < 10_000) {
        section += number * unit;
      } else {
        total = (total + section + number) * unit;
        section = 0;
      }
      number = 0;
      lastUnit = unit;
      afterUnit = true;
      zero = false;
    }
    if (number > 0 && number < 10 && lastUnit >= 100 && !zero) {
      number *= lastUnit / 10;
    }
    return Optional.of(total + section + number);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c == '两') {
      return 2;
    }
    if (c == '〇') {
      return 0;
    }
    return Math.max(0, DIGITS.indexOf(c));
  }
}
