package dev.parley.plugins.entity.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese lunisolar calendar as China's official one (GB/T 33661-2017) reckons it, from
 * computed new moons and solar terms ({@link LunarMonths}): Gregorian dates of lunar ones. A lunar
 * year begins with its 1st month (春节) in January or February of the Gregorian year of the same
 * number.
 *
 * <p>Checked against published dates for 1990 to 2050; China has used UTC+8 since 1929, and earlier
 * dates may differ from the calendars of the time.
 */
final class ChineseCalendar {

  private static final Map<Integer, List<LunarMonth>> YEARS = new ConcurrentHashMap<>();

  private ChineseCalendar() {}

  /**
   * The Gregorian date of the {@code day}th day of the {@code month}th month (not the leap month)
   * of lunar year {@code year}; empty when the month has no such day (a 30th in a 29-day month).
   */
  static Optional<LocalDate> gregorian(int year, int month, int day) {
    return months(year).stream()
        .filter(m -> m.number() == month && !m.leap() && day >= 1 && day <= m.days())
        .findFirst()
        .map(m -> m.day(day));
  }

  /** The number of the month lunar year {@code year} repeats as a leap month, if any. */
  static Optional<Integer> leapMonth(int year) {
    return months(year).stream().filter(LunarMonth::leap).map(LunarMonth::number).findFirst();
  }

  /** The months of lunar year {@code year}, from its 1st month to its 12th (or leap 12th). */
  static List<LunarMonth> months(int year) {
    return YEARS.computeIfAbsent(year, ChineseCalendar::reckon);
  }

  private static List<LunarMonth> reckon(int year) {
    List<LunarMonth> months = new ArrayList<>();
    // the 11th and 12th months after a winter solstice close the lunar year before
    LunarMonths.betweenSolstices(year).stream()
        .dropWhile(ChineseCalendar::closesAYear)
        .forEach(months::add);
    LunarMonths.betweenSolstices(year + 1).stream()
        .takeWhile(ChineseCalendar::closesAYear)
        .forEach(months::add);
    return List.copyOf(months);
  }

  private static boolean closesAYear(LunarMonth month) {
    return month.number() >= 11;
  }
}
