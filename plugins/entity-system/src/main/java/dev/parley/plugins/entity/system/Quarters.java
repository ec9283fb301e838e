package dev.parley.plugins.entity.system;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quarters of the year as Duckling's points of grain {@code quarter} (its first day): "this
 * quarter", "next qtr", "last quarter", "the third quarter" (of this year), "4th quarter 2027";
 * Chinese (not in Duckling's rules) "本季度", "下个季度", "第三季度", "明年第一季度", "2027年第四季度".
 */
final class Quarters {

  private static final String ORDINALS = "first|second|third|fourth|1st|2nd|3rd|4th";

  private static final Pattern ENGLISH_RELATIVE =
      Pattern.compile(
          "\\b(this|current|coming|next|last|past|previous)\\s+(?:quarter|qtr)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Groups: ordinal, year. */
  private static final Pattern ENGLISH_NTH =
      Pattern.compile(
          "\\b(?:the\\s+)?(" + ORDINALS + ")\\s+(?:quarter|qtr)(?:\\s+(?:of\\s+)?(\\d{4}))?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CHINESE_RELATIVE =
      Pattern.compile("(本|这个?|這個?|下一?个?|下一?個|上一?个?|上一?個)季度");

  /** Groups: 今/明/去, year number, quarter number. */
  private static final Pattern CHINESE_NTH =
      Pattern.compile("(?:(今|明|去)年|(" + ChineseNumbers.NUMERAL + ")年)?第([1-4一二三四])(?:个|個)?季度");

  private Quarters() {}

  static List<Found> english(String text, ZonedDateTime now) {
    LocalDate thisQuarter = firstDay(now.toLocalDate());
    List<Found> found = new ArrayList<>();
    Matcher m = ENGLISH_RELATIVE.matcher(text);
    while (m.find()) {
      int step =
          switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "next" -> 1;
            case "last", "past", "previous" -> -1;
            default -> 0;
          };
      found.add(found(m, now, thisQuarter.plusMonths(3L * step)));
    }
    m = ENGLISH_NTH.matcher(text);
    while (m.find()) {
      int quarter =
          1 + List.of(ORDINALS.split("\\|")).indexOf(m.group(1).toLowerCase(Locale.ROOT)) % 4;
      int year = m.group(2) == null ? now.getYear() : Integer.parseInt(m.group(2));
      found.add(found(m, now, LocalDate.of(year, 3 * quarter - 2, 1)));
    }
    return found;
  }

  static List<Found> chinese(String text, ZonedDateTime now) {
    LocalDate thisQuarter = firstDay(now.toLocalDate());
    List<Found> found = new ArrayList<>();
    Matcher m = CHINESE_RELATIVE.matcher(text);
    while (m.find()) {
      int step = m.group(1).startsWith("下") ? 1 : m.group(1).startsWith("上") ? -1 : 0;
      found.add(found(m, now, thisQuarter.plusMonths(3L * step)));
    }
    m = CHINESE_NTH.matcher(text);
    while (m.find()) {
      int year = now.getYear();
      if (m.group(1) != null) {
        year += m.group(1).equals("明") ? 1 : m.group(1).equals("去") ? -1 : 0;
      } else if (m.group(2) != null) {
        year = ChineseUnits.number(m.group(2));
        if (year < 1000) {
          continue;
        }
      }
      int quarter = ChineseUnits.number(m.group(3));
      found.add(found(m, now, LocalDate.of(year, 3 * quarter - 2, 1)));
    }
    return found;
  }

  private static LocalDate firstDay(LocalDate day) {
    return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
  }

  private static Found found(Matcher m, ZonedDateTime now, LocalDate first) {
    return new Found(
        "time", m.start(), m.end(), TimeValues.value(first.atStartOfDay(now.getZone()), "quarter"));
  }
}
