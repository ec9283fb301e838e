package dev.parley.plugins.entity.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The months of the Chinese calendar between two winter solstices, numbered by the zhongqi rule of
 * the official calendar (GB/T 33661-2017): a month runs from the day of a new moon in China (UTC+8)
 * to the day before the next; the month holding the winter solstice is the 11th; when 13 months
 * begin between the 11th month and the next one, the first of them without a principal solar term
 * (zhongqi) is a leap month and repeats the number of the month before it.
 */
final class LunarMonths {

  /** China Standard Time, in which the official calendar dates new moons and solar terms. */
  static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private static final int ZHONGQI = 12;
  private static final Duration MEAN_ZHONGQI_GAP =
      Duration.ofMinutes(Math.round(365.2422 * 1440 / ZHONGQI));

  private LunarMonths() {}

  /**
   * The months from the 11th month holding the winter solstice of {@code year − 1} up to the one
   * holding the winter solstice of {@code year} (not included): 12 or 13 of them.
   */
  static List<LunarMonth> betweenSolstices(int year) {
    Instant solstice = SolarTerms.winterSolstice(year - 1);
    long first = lunationOfMonthHolding(dayInChina(solstice));
    long next = lunationOfMonthHolding(dayInChina(SolarTerms.winterSolstice(year)));
    List<LocalDate> zhongqiDays = zhongqiDays(solstice);
    boolean leapYear = next - first == ZHONGQI + 1;
    boolean leapFound = false;
    List<LunarMonth> months = new ArrayList<>();
    int number = 11;
    for (long lunation = first; lunation < next; lunation++) {
      LocalDate firstDay = dayInChina(NewMoons.at(lunation));
      LocalDate nextFirstDay = dayInChina(NewMoons.at(lunation + 1));
      boolean leap =
          leapYear
              && !leapFound
              && zhongqiDays.stream()
                  .noneMatch(day -> !day.isBefore(firstDay) && day.isBefore(nextFirstDay));
      if (lunation > first && !leap) {
        number = number % 12 + 1;
      }
      leapFound |= leap;
      months.add(
          new LunarMonth(
              number, leap, firstDay, (int) (nextFirstDay.toEpochDay() - firstDay.toEpochDay())));
    }
    return months;
  }

  /** The calendar day in China of an instant. */
  static LocalDate dayInChina(Instant instant) {
    return LocalDate.ofInstant(instant, CHINA);
  }

  /** The number of the new moon beginning the month that holds {@code day}. */
  private static long lunationOfMonthHolding(LocalDate day) {
    long lunation = NewMoons.nearest(day.atTime(12, 0).toInstant(CHINA));
    while (dayInChina(NewMoons.at(lunation)).isAfter(day)) {
      lunation--;
    }
    while (!dayInChina(NewMoons.at(lunation + 1)).isAfter(day)) {
      lunation++;
    }
    return lunation;
  }

  /** The days in China of the winter solstice given and the eleven zhongqi after it. */
  private static List<LocalDate> zhongqiDays(Instant solstice) {
    List<LocalDate> days = new ArrayList<>();
    for (int term = 0; term < ZHONGQI; term++) {
      Instant moment =
          SolarTerms.reaching(
              SolarTerms.WINTER_SOLSTICE + 30.0 * term,
              solstice.plus(MEAN_ZHONGQI_GAP.multipliedBy(term)));
      days.add(dayInChina(moment));
    }
    return days;
  }
}
