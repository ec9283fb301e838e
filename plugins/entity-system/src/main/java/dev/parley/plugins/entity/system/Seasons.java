package dev.parley.plugins.entity.system;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seasons as Duckling's day intervals (northern hemisphere, its dates): summer June 21st to
 * September 23rd, fall September 23rd to December 21st, winter December 21st to March 20th, spring
 * March 20th to June 21st, each ending at the start of the day after. "this summer" is the one now
 * or, when it is over, the next one; "next summer" the next one that has not begun; "last summer"
 * the one before this one. Chinese ("今年夏天", "明年春天", "去年冬季", "这个夏天"), not in Duckling's rules, reads
 * the same; a season needs one of these words before it ("spring" alone is too often no time).
 */
final class Seasons {

  /** A season: its first and last day in the year it begins. */
  private enum Season {
    SPRING(MonthDay.of(3, 20), MonthDay.of(6, 21)),
    SUMMER(MonthDay.of(6, 21), MonthDay.of(9, 23)),
    FALL(MonthDay.of(9, 23), MonthDay.of(12, 21)),
    WINTER(MonthDay.of(12, 21), MonthDay.of(3, 20));

    final MonthDay first;
    final MonthDay last;

    Season(MonthDay first, MonthDay last) {
      this.first = first;
      this.last = last;
    }

    /** Its first day in the given year, and the day after its last one. */
    LocalDate[] beginningIn(int year) {
      LocalDate from = first.atYear(year);
      LocalDate to = last.atYear(last.isBefore(first) ? year + 1 : year).plusDays(1);
      return new LocalDate[] {from, to};
    }
  }

  private static final Pattern ENGLISH =
      Pattern.compile(
          "\\b(this|current|coming|next|last|past|previous)\\s+(summer|fall|autumn|winter|spring)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern CHINESE =
      Pattern.compile("(今年|明年|去年|这个?|這個?|下个?|下個|上个?|上個)(春|夏|秋|冬)(?:天|季)");

  private Seasons() {}

  static List<Found> english(String text, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    Matcher m = ENGLISH.matcher(text);
    while (m.find()) {
      Season season =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "summer" -> Season.SUMMER;
            case "fall", "autumn" -> Season.FALL;
            case "winter" -> Season.WINTER;
            default -> Season.SPRING;
          };
      int step =
          switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "next" -> 1;
            case "last", "past", "previous" -> -1;
            default -> 0;
          };
      found.add(found(m, now, relative(season, now.toLocalDate(), step)));
    }
    return found;
  }

  static List<Found> chinese(String text, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    Matcher m = CHINESE.matcher(text);
    while (m.find()) {
      Season season = Season.values()["春夏秋冬".indexOf(m.group(2))];
      LocalDate today = now.toLocalDate();
      String which = m.group(1);
      LocalDate[] span =
          switch (which) {
            case "今年" -> season.beginningIn(today.getYear());
            case "明年" -> season.beginningIn(today.getYear() + 1);
            case "去年" -> season.beginningIn(today.getYear() - 1);
            default ->
                relative(season, today, which.startsWith("下") ? 1 : which.startsWith("上") ? -1 : 0);
          };
      found.add(found(m, now, span));
    }
    return found;
  }

  /**
   * This season (step 0: the one now, else the next one), the next one that has not begun (1), or
   * the one before this one (-1).
   */
  private static LocalDate[] relative(Season season, LocalDate today, int step) {
    int year = today.getYear() - 1;
    while (!season.beginningIn(year)[1].isAfter(today)) {
      year++;
    }
    boolean now = !season.beginningIn(year)[0].isAfter(today);
    return switch (step) {
      case 1 -> season.beginningIn(now ? year + 1 : year);
      case -1 -> season.beginningIn(year - 1);
      default -> season.beginningIn(year);
    };
  }

  private static Found found(Matcher m, ZonedDateTime now, LocalDate[] span) {
    return new Found(
        "time",
        m.start(),
        m.end(),
        TimeValues.interval(
            span[0].atStartOfDay(now.getZone()), span[1].atStartOfDay(now.getZone()), "day"));
  }
}
