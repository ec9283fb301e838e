package dev.parley.plugins.entity.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The computed Chinese calendar against published dates, every year from 1990 to 2050: 春节 as
 * Duckling's own table gives it (facebook/duckling, Duckling/Time/Computed.hs, chineseNewYear), and
 * 端午节, 中秋节 and 重阳节 as the python-holidays project tabulates them (vacanza/holidays,
 * holidays/calendars/chinese.py: DRAGON_BOAT_DATES, MID_AUTUMN_DATES, DOUBLE_NINTH_DATES).
 */
class ChineseCalendarTest {

  private static final int FIRST_YEAR = 1990;

  /** 春节 (1st day of the 1st month), 1990 to 2050: Duckling's chineseNewYear. */
  private static final String SPRING_FESTIVALS =
      "01-27 02-15 02-04 01-23 02-10 01-31 02-19 02-07 01-28 02-16 "
          + "02-05 01-24 02-12 02-01 01-22 02-09 01-29 02-18 02-07 01-26 "
          + "02-14 02-03 01-23 02-10 01-31 02-19 02-08 01-28 02-16 02-05 "
          + "01-25 02-12 02-01 01-22 02-10 01-29 02-17 02-06 01-26 02-13 "
          + "02-03 01-23 02-11 01-31 02-19 02-08 01-28 02-15 02-04 01-24 "
          + "02-12 02-01 01-22 02-10 01-30 02-17 02-06 01-26 02-14 02-02 "
          + "01-23";

  /** 端午节 (5th day of the 5th month), 1990 to 2050: python-holidays' DRAGON_BOAT_DATES. */
  private static final String DRAGON_BOAT_FESTIVALS =
      "05-28 06-16 06-05 06-24 06-13 06-02 06-20 06-09 05-30 06-18 "
          + "06-06 06-25 06-15 06-04 06-22 06-11 05-31 06-19 06-08 05-28 "
          + "06-16 06-06 06-23 06-12 06-02 06-20 06-09 05-30 06-18 06-07 "
          + "06-25 06-14 06-03 06-22 06-10 05-31 06-19 06-09 05-28 06-16 "
          + "06-05 06-24 06-12 06-01 06-20 06-10 05-30 06-18 06-07 05-27 "
          + "06-14 06-03 06-22 06-11 05-31 06-19 06-08 05-29 06-15 06-04 "
          + "06-23";

  /** 中秋节 (15th day of the 8th month), 1990 to 2050: python-holidays' MID_AUTUMN_DATES. */
  private static final String MID_AUTUMN_FESTIVALS =
      "10-03 09-22 09-11 09-30 09-20 09-09 09-27 09-16 10-05 09-24 "
          + "09-12 10-01 09-21 09-11 09-28 09-18 10-06 09-25 09-14 10-03 "
          + "09-22 09-12 09-30 09-19 09-08 09-27 09-15 10-04 09-24 09-13 "
          + "10-01 09-21 09-10 09-29 09-17 10-06 09-25 09-15 10-03 09-22 "
          + "09-12 10-01 09-19 09-08 09-27 09-16 10-04 09-24 09-13 10-02 "
          + "09-20 09-10 09-28 09-17 10-05 09-25 09-15 10-04 09-22 09-11 "
          + "09-30";

  /** 重阳节 (9th day of the 9th month), 1990 to 2050: python-holidays' DOUBLE_NINTH_DATES. */
  private static final String DOUBLE_NINTH_FESTIVALS =
      "10-26 10-16 10-04 10-23 10-13 11-01 10-20 10-10 10-28 10-17 "
          + "10-06 10-25 10-14 10-04 10-22 10-11 10-30 10-19 10-07 10-26 "
          + "10-16 10-05 10-23 10-13 10-02 10-21 10-09 10-28 10-17 10-07 "
          + "10-25 10-14 10-04 10-23 10-11 10-29 10-18 10-08 10-26 10-16 "
          + "10-05 10-24 10-12 10-01 10-20 10-09 10-27 10-17 10-07 10-26 "
          + "10-14 10-03 10-22 10-11 10-29 10-18 10-08 10-27 10-16 10-05 "
          + "10-24";

  @Test
  void springFestivalEveryYearFrom1990To2050() {
    assertEveryYear(SPRING_FESTIVALS, 1, 1);
  }

  /** The two years ICU4J 76 to 78 dates a day late (ICU-23274). */
  @Test
  void springFestivalsOf2027And2030() {
    assertEquals(Optional.of(LocalDate.of(2027, 2, 6)), ChineseCalendar.gregorian(2027, 1, 1));
    assertEquals(Optional.of(LocalDate.of(2030, 2, 3)), ChineseCalendar.gregorian(2030, 1, 1));
  }

  @Test
  void dragonBoatFestivalEveryYearFrom1990To2050() {
    assertEveryYear(DRAGON_BOAT_FESTIVALS, 5, 5);
  }

  @Test
  void midAutumnFestivalEveryYearFrom1990To2050() {
    assertEveryYear(MID_AUTUMN_FESTIVALS, 8, 15);
  }

  @Test
  void doubleNinthFestivalEveryYearFrom1990To2050() {
    assertEveryYear(DOUBLE_NINTH_FESTIVALS, 9, 9);
  }

  /**
   * 2023 has a leap 2nd month, 2025 a leap 6th (so its 中秋节 is in October), 2028 a leap 5th, 2033 a
   * leap 11th (the "2033 problem" of older rules); 2024 and 2027 none.
   */
  @Test
  void leapMonthsRepeatTheMonthBeforeThem() {
    assertEquals(Optional.of(2), ChineseCalendar.leapMonth(2023));
    assertEquals(Optional.of(6), ChineseCalendar.leapMonth(2025));
    assertEquals(Optional.of(5), ChineseCalendar.leapMonth(2028));
    assertEquals(Optional.of(11), ChineseCalendar.leapMonth(2033));
    assertEquals(Optional.empty(), ChineseCalendar.leapMonth(2024));
    assertEquals(Optional.empty(), ChineseCalendar.leapMonth(2027));
    assertEquals(Optional.of(LocalDate.of(2025, 10, 6)), ChineseCalendar.gregorian(2025, 8, 15));
    List<LunarMonth> months2025 = ChineseCalendar.months(2025);
    assertEquals(13, months2025.size());
    assertEquals(new LunarMonth(6, true, LocalDate.of(2025, 7, 25), 29), months2025.get(6));
  }

  /**
   * The 12th months of 2024 to 2028 have 29 days, so 除夕 is their 29th and there is no 大年三十 until
   * the one of 2029 (February 2nd, 2030).
   */
  @Test
  void aShortMonthHasNoThirtiethDay() {
    assertEquals(Optional.empty(), ChineseCalendar.gregorian(2024, 12, 30));
    assertEquals(Optional.of(LocalDate.of(2025, 1, 28)), ChineseCalendar.gregorian(2024, 12, 29));
    assertEquals(Optional.empty(), ChineseCalendar.gregorian(2028, 12, 30));
    assertEquals(Optional.of(LocalDate.of(2030, 2, 2)), ChineseCalendar.gregorian(2029, 12, 30));
    assertEquals(Optional.empty(), ChineseCalendar.gregorian(2026, 13, 1));
  }

  private static void assertEveryYear(String monthDays, int month, int day) {
    String[] dates = monthDays.split(" ");
    assertEquals(2050 - FIRST_YEAR + 1, dates.length);
    for (int i = 0; i < dates.length; i++) {
      int year = FIRST_YEAR + i;
      LocalDate expected = LocalDate.parse(year + "-" + dates[i]);
      assertEquals(
          Optional.of(expected),
          ChineseCalendar.gregorian(year, month, day),
          "lunar " + year + "-" + month + "-" + day);
    }
  }
}
