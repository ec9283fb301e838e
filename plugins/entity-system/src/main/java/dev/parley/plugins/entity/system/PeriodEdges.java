package dev.parley.plugins.entity.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ends and beginnings of weeks, months and years as Duckling's intervals: "end of the month" is
 * the 21st to the 1st of the next month, "beginning of the month" the 1st to the 11th, "end of the
 * week" friday to monday, "beginning of the week" monday to thursday (grain {@code day}); "end of
 * the year" is September 1st to January 1st, "beginning of the year" January 1st to April 1st
 * (grain {@code month}); "by the end of the month" runs from now to the 1st of the next month, to
 * the second. A named month or year ("end of April", "beginning of 2027") is that one; "end of
 * April" alone is this year's unless it is over, with the next two years' as values.
 *
 * <p>Beyond Duckling's English: "end of next month", "end of the week" (Duckling wants "this week")
 * and the acronyms (EOM, BOM, EOY, BOY) only in capitals ("the boy" is no time); Duckling's Chinese
 * rules have none of these, so "月底"/"月末", "月初", "年底"/"年末", "年初" (with 本/下/上个月, 今/明/去年, "6月底",
 * "2027年底") mirror the English ones.
 */
final class PeriodEdges {

  /** A week, month or year, its edges and the grain of their intervals. */
  private enum Period {
    WEEK("day") {
      @Override
      LocalDate[] edge(LocalDate first, boolean end) {
        return end
            ? new LocalDate[] {first.plusDays(4), first.plusWeeks(1)}
            : new LocalDate[] {first, first.plusDays(3)};
      }

      @Override
      LocalDate next(LocalDate first) {
        return first.plusWeeks(1);
      }
    },
    MONTH("day") {
      @Override
      LocalDate[] edge(LocalDate first, boolean end) {
        return end
            ? new LocalDate[] {first.withDayOfMonth(21), first.plusMonths(1)}
            : new LocalDate[] {first, first.withDayOfMonth(11)};
      }

      @Override
      LocalDate next(LocalDate first) {
        return first.plusMonths(1);
      }
    },
    YEAR("month") {
      @Override
      LocalDate[] edge(LocalDate first, boolean end) {
        return end
            ? new LocalDate[] {first.withMonth(9), first.plusYears(1)}
            : new LocalDate[] {first, first.withMonth(4)};
      }

      @Override
      LocalDate next(LocalDate first) {
        return first.plusYears(1);
      }
    };

    final String grain;

    Period(String grain) {
      this.grain = grain;
    }

    /** The first day of its end or beginning and the day after it, given its own first day. */
    abstract LocalDate[] edge(LocalDate first, boolean end);

    /** The first day of the period after the one beginning on {@code first}. */
    abstract LocalDate next(LocalDate first);
  }

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  private static final String NUM = ChineseNumbers.NUMERAL;

  /** Groups: by, which month (this/next/last), acronym or end/beginning. */
  private static final Pattern ENGLISH_MONTH =
      Pattern.compile(
          "\\b(?:(by\\s+(?:the\\s+)?)|(?:at\\s+)?the\\s+)?(?:(?-i:(EOM|BOM))|(end|beginning)\\s+of\\s+"
              + "(?:the\\s+)?(?:(this|current|next|last|previous)\\s+)?month)\\b",
          FLAGS);

  /** Groups: by, which year, acronym, end/beginning, a year's number. */
  private static final Pattern ENGLISH_YEAR =
      Pattern.compile(
          "\\b(?:(by\\s+(?:the\\s+)?)|(?:at\\s+)?the\\s+)?(?:(?-i:(EOY|BOY))|(end|beginning)\\s+of\\s+"
              + "(?:(?:the\\s+)?(?:(this|current|next|last|previous)\\s+)?year|(\\d{4})))\\b",
          FLAGS);

  /** Groups: by, end/beginning, which week. */
  private static final Pattern ENGLISH_WEEK =
      Pattern.compile(
          "\\b(?:(by\\s+(?:the\\s+)?)|(?:at\\s+)?the\\s+)?(end|beginning)\\s+of\\s+"
              + "(?:the\\s+)?(?:(this|current|coming|next|last|previous)\\s+)?week\\b",
          FLAGS);

  /** Groups: by, end/beginning, month name. */
  private static final Pattern ENGLISH_NAMED_MONTH =
      Pattern.compile(
          "\\b(?:(by\\s+(?:the\\s+)?)|(?:at\\s+)?the\\s+)?(end|beginning)\\s+of\\s+"
              + EnglishTime.MONTH
              + "\\b",
          FLAGS);

  private static final String NOT_A_LUNAR_DAY = "(?![一二三四五六七八九十])";

  /** Groups: year, month number, which month (本/下/上), edge. */
  private static final Pattern CHINESE_MONTH =
      Pattern.compile(
          "(?:(?:("
              + NUM
              + ")年)?("
              + NUM
              + ")月|(?<![0-9零〇一二两三四五六七八九十])(本|这个?|這個?|下个?|下個|上个?|上個)?月)(底|末|初)"
              + NOT_A_LUNAR_DAY);

  /** Groups: year number, which year (今/明/去…), edge. */
  private static final Pattern CHINESE_YEAR =
      Pattern.compile("(?:(" + NUM + ")年|(今|明|去|本|下|上)?年)年?(底|末|初)" + NOT_A_LUNAR_DAY);

  private PeriodEdges() {}

  static List<Found> english(String text, ZonedDateTime now) {
    LocalDate thisMonth = now.toLocalDate().withDayOfMonth(1);
    List<Found> found = new ArrayList<>();
    Matcher m = ENGLISH_MONTH.matcher(text);
    while (m.find()) {
      boolean end = m.group(2) != null ? m.group(2).equals("EOM") : isEnd(m.group(3));
      LocalDate month = thisMonth.plusMonths(step(m.group(4)));
      found.add(found(m, now, Period.MONTH, List.of(month), end, m.group(1) != null));
    }
    m = ENGLISH_YEAR.matcher(text);
    while (m.find()) {
      boolean end = m.group(2) != null ? m.group(2).equals("EOY") : isEnd(m.group(3));
      LocalDate year =
          m.group(5) != null
              ? LocalDate.of(Integer.parseInt(m.group(5)), 1, 1)
              : thisMonth.withMonth(1).plusYears(step(m.group(4)));
      found.add(found(m, now, Period.YEAR, List.of(year), end, m.group(1) != null));
    }
    m = ENGLISH_WEEK.matcher(text);
    while (m.find()) {
      LocalDate monday = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      found.add(
          found(
              m,
              now,
              Period.WEEK,
              List.of(monday.plusWeeks(step(m.group(3)))),
              isEnd(m.group(2)),
              m.group(1) != null));
    }
    m = ENGLISH_NAMED_MONTH.matcher(text);
    while (m.find()) {
      int month = EnglishTime.month(m.group(3));
      boolean end = isEnd(m.group(2));
      found.add(found(m, now, Period.MONTH, yearly(now, month, end), end, m.group(1) != null));
    }
    return found;
  }

  static List<Found> chinese(String text, ZonedDateTime now) {
    LocalDate thisMonth = now.toLocalDate().withDayOfMonth(1);
    List<Found> found = new ArrayList<>();
    Matcher m = CHINESE_MONTH.matcher(text);
    while (m.find()) {
      boolean end = !m.group(4).equals("初");
      List<LocalDate> months;
      if (m.group(2) != null) {
        int month = ChineseUnits.number(m.group(2));
        if (month < 1 || month > 12) {
          continue;
        }
        months =
            m.group(1) != null
                ? List.of(LocalDate.of(ChineseUnits.number(m.group(1)), month, 1))
                : yearly(now, month, end);
      } else {
        months = List.of(thisMonth.plusMonths(chineseStep(m.group(3))));
      }
      found.add(found(m, now, Period.MONTH, months, end, false));
    }
    m = CHINESE_YEAR.matcher(text);
    while (m.find()) {
      LocalDate year;
      if (m.group(1) != null) {
        int number = ChineseUnits.number(m.group(1));
        if (number < 1000) {
          continue;
        }
        year = LocalDate.of(number, 1, 1);
      } else {
        String which = m.group(2) == null ? "" : m.group(2);
        int step =
            which.equals("明") || which.equals("下")
                ? 1
                : which.equals("去") || which.equals("上") ? -1 : 0;
        year = thisMonth.withMonth(1).plusYears(step);
      }
      found.add(found(m, now, Period.YEAR, List.of(year), !m.group(3).equals("初"), false));
    }
    return found;
  }

  /**
   * The time entity for the end or beginning of the given periods (their first days; the first is
   * the value).
   *
   * @param by "by the end of": from now to the end of the first period instead
   */
  private static Found found(
      Matcher m,
      ZonedDateTime now,
      Period period,
      List<LocalDate> firsts,
      boolean end,
      boolean by) {
    ZoneId zone = now.getZone();
    if (by && end) {
      LocalDate next = period.next(firsts.get(0));
      return new Found(
          "time",
          m.start(),
          m.end(),
          TimeValues.fromNow(now, TimeValues.format(next.atStartOfDay(zone))));
    }
    List<Map<String, Object>> values = new ArrayList<>();
    for (LocalDate first : firsts) {
      LocalDate[] edge = period.edge(first, end);
      values.add(
          TimeValues.span(edge[0].atStartOfDay(zone), edge[1].atStartOfDay(zone), period.grain));
    }
    return new Found("time", m.start(), m.end(), TimeValues.of(values.get(0), values));
  }

  /**
   * A named month (its first day) this year unless its end or beginning is over, and the next two
   * years'.
   */
  private static List<LocalDate> yearly(ZonedDateTime now, int month, boolean end) {
    LocalDate first = LocalDate.of(now.getYear(), month, 1);
    LocalDate over = end ? first.plusMonths(1) : first.withDayOfMonth(11);
    if (!over.atStartOfDay(now.getZone()).isAfter(now)) {
      first = first.plusYears(1);
    }
    return List.of(first, first.plusYears(1), first.plusYears(2));
  }

  private static boolean isEnd(String word) {
    return word.toLowerCase(Locale.ROOT).equals("end");
  }

  private static int step(String which) {
    if (which == null) {
      return 0;
    }
    return switch (which.toLowerCase(Locale.ROOT)) {
      case "next" -> 1;
      case "last", "previous" -> -1;
      default -> 0;
    };
  }

  private static int chineseStep(String which) {
    if (which == null) {
      return 0;
    }
    return which.startsWith("下") ? 1 : which.startsWith("上") ? -1 : 0;
  }
}
