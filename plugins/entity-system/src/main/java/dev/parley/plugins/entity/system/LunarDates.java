package dev.parley.plugins.entity.system;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Days of the Chinese lunisolar calendar (春节 is the 1st day of the 1st month, 中秋节 the 15th of the
 * 8th) in the Gregorian year, as ICU4J's {@link ChineseCalendar} reckons them.
 *
 * <p>ICU approximates the moon's orbit; where a new moon falls within minutes of midnight in China
 * its day can differ from the official calendar's (ICU-23274: the 1st month of 2027 and of 2030
 * start a day late there).
 */
final class LunarDates {

  private LunarDates() {}

  /**
   * The {@code day} of lunar {@code month} (not a leap month) of the lunar year begun that year.
   */
  static AnnualDate of(int month, int day) {
    return year -> Optional.of(gregorian(year, month, day));
  }

  /** 除夕: the last day of the lunar year, the day before 春节. */
  static AnnualDate newYearsEve() {
    return of(1, 1).plusDays(-1);
  }

  private static LocalDate gregorian(int year, int month, int day) {
    ChineseCalendar calendar = new ChineseCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    // March 1st is always past the lunar new year (January 21st to February 20th): its lunar year
    // is the one begun in that Gregorian year.
    calendar.setTimeInMillis(
        LocalDate.of(year, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    calendar.set(Calendar.MONTH, month - 1);
    calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
    calendar.set(Calendar.DAY_OF_MONTH, day);
    return Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
  }
}
