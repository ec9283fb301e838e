package dev.parley.plugins.entity.system;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Easter sunday of the Gregorian calendar (the western churches' date), by the anonymous Gregorian
 * computus: the first sunday after the ecclesiastical full moon on or after March 21st.
 */
final class Easter {

  private Easter() {}

  /**
   * Easter sunday and the days set from it ({@code offset} days after it, before it if negative).
   */
  static AnnualDate sundayPlus(int offset) {
    return year -> Optional.of(sunday(year).plusDays(offset));
  }

  static LocalDate sunday(int year) {
    int golden = year % 19;
    int century = year / 100;
    int yearOfCentury = year % 100;
    int leapCenturies = century / 4;
    int centuryRest = century % 4;
    int lunarCorrection = (century + 8) / 25;
    int solarCorrection = (century - lunarCorrection + 1) / 3;
    int epact = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
    int leapYears = yearOfCentury / 4;
    int yearRest = yearOfCentury % 4;
    int weekdayShift = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7;
    int correction = (golden + 11 * epact + 22 * weekdayShift) / 451;
    int monthAndDay = epact + weekdayShift - 7 * correction + 114;
    return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
  }
}
