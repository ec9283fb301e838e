package dev.parley.plugins.entity.system;

/**
 * Days of the Chinese lunisolar calendar (春节 is the 1st day of the 1st month, 中秋节 the 15th of the
 * 8th) in the Gregorian year, as the official calendar dates them ({@link ChineseCalendar}).
 */
final class LunarDates {

  private LunarDates() {}

  /**
   * The {@code day} of lunar {@code month} (not a leap month) of the lunar year begun that year.
   */
  static AnnualDate of(int month, int day) {
    return year -> ChineseCalendar.gregorian(year, month, day);
  }

  /** 除夕: the last day of the lunar year, the day before 春节. */
  static AnnualDate newYearsEve() {
    return of(1, 1).plusDays(-1);
  }
}
