package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.ExpectedTimes.assertFinds;
import static dev.parley.plugins.entity.system.ExpectedTimes.holiday;
import static dev.parley.plugins.entity.system.ExpectedTimes.intervals;
import static dev.parley.plugins.entity.system.ExpectedTimes.shanghai;
import static dev.parley.plugins.entity.system.ExpectedTimes.time;
import static dev.parley.plugins.entity.system.ExpectedTimes.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.EntityExtractor;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holidays on computed dates (an nth weekday, set from easter), with "now" fixed at Wednesday
 * 2026-11-25 10:00 UTC (18:00 in Shanghai): each is its next day, today included, with the next two
 * as values and Duckling's name in {@code holidayBeta}.
 */
class DucklingHolidaysTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  private static String[] utcDays(String... dates) {
    return Arrays.stream(dates).map(d -> utc(d + "T00:00")).toArray(String[]::new);
  }

  private static String[] shanghaiDays(String... dates) {
    return Arrays.stream(dates).map(d -> shanghai(d + "T00:00")).toArray(String[]::new);
  }

  @Test
  void holidaysOnAnNthWeekdayOfTheirMonth() {
    assertFinds(
        UTC,
        "thanksgiving",
        holiday("Thanksgiving Day", 0, 12, utcDays("2026-11-26", "2027-11-25", "2028-11-23")));
    assertFinds(
        UTC,
        "see you on thanksgiving day",
        holiday("Thanksgiving Day", 11, 27, utcDays("2026-11-26", "2027-11-25", "2028-11-23")));
    String[] mothersDays = utcDays("2027-05-09", "2028-05-14", "2029-05-13");
    assertFinds(UTC, "mother's day", holiday("Mother's Day", 0, 12, mothersDays));
    assertFinds(UTC, "mothers day", holiday("Mother's Day", 0, 11, mothersDays));
    assertFinds(
        UTC,
        "father's day",
        holiday("Father's Day", 0, 12, utcDays("2027-06-20", "2028-06-18", "2029-06-17")));
    assertFinds(
        UTC,
        "memorial day",
        holiday("Memorial Day", 0, 12, utcDays("2027-05-31", "2028-05-29", "2029-05-28")));
    assertFinds(
        UTC,
        "labor day",
        holiday("Labor Day", 0, 9, utcDays("2027-09-06", "2028-09-04", "2029-09-03")));
    String[] kingDays = utcDays("2027-01-18", "2028-01-17", "2029-01-15");
    assertFinds(UTC, "MLK day", holiday("Martin Luther King's Day", 0, 7, kingDays));
    assertFinds(
        UTC, "martin luther king jr. day", holiday("Martin Luther King's Day", 0, 26, kingDays));
    assertFinds(
        SHANGHAI,
        "母亲节",
        holiday("母亲节", 0, 3, shanghaiDays("2027-05-09", "2028-05-14", "2029-05-13")));
    assertFinds(
        SHANGHAI,
        "感恩节",
        holiday("感恩节", 0, 3, shanghaiDays("2026-11-26", "2027-11-25", "2028-11-23")));
  }

  @Test
  void christmasEveIsNotChristmas() {
    assertFinds(
        UTC,
        "christmas eve",
        holiday("Christmas Eve", 0, 13, utcDays("2026-12-24", "2027-12-24", "2028-12-24")));
  }

  @Test
  void thisNextAndLastHolidayAreOneDay() {
    assertFinds(
        UTC, "this thanksgiving", named(utc("2026-11-26T00:00"), "Thanksgiving Day", 0, 17));
    assertFinds(
        UTC, "next thanksgiving", named(utc("2026-11-26T00:00"), "Thanksgiving Day", 0, 17));
    assertFinds(
        UTC, "last thanksgiving", named(utc("2025-11-27T00:00"), "Thanksgiving Day", 0, 17));
    assertFinds(UTC, "next easter", named(utc("2027-03-28T00:00"), "Easter Sunday", 0, 11));
    assertFinds(SHANGHAI, "去年劳动节", named(shanghai("2025-05-01T00:00"), "劳动节", 0, 5));
    assertFinds(SHANGHAI, "明年的劳动节", named(shanghai("2027-05-01T00:00"), "劳动节", 0, 6));
    assertFinds(SHANGHAI, "今年圣诞节", named(shanghai("2026-12-25T00:00"), "圣诞节", 0, 5));
  }

  private static String named(String day, String name, int start, int end) {
    return time(day, "day", start, end).replace("]}@", "], holidayBeta=" + name + "}@");
  }

  @Test
  void holidaysSetFromEaster() {
    assertFinds(
        UTC,
        "easter",
        holiday("Easter Sunday", 0, 6, utcDays("2027-03-28", "2028-04-16", "2029-04-01")));
    assertFinds(
        UTC,
        "good friday",
        holiday("Good Friday", 0, 11, utcDays("2027-03-26", "2028-04-14", "2029-03-30")));
    assertFinds(
        UTC,
        "easter monday",
        holiday("Easter Monday", 0, 13, utcDays("2027-03-29", "2028-04-17", "2029-04-02")));
    assertFinds(
        SHANGHAI,
        "复活节",
        holiday("复活节", 0, 3, shanghaiDays("2027-03-28", "2028-04-16", "2029-04-01")));
  }

  @Test
  void easterSundayAsTheChurchesReckonIt() {
    assertEquals(LocalDate.of(2013, 3, 31), Easter.sunday(2013));
    assertEquals(LocalDate.of(2019, 4, 21), Easter.sunday(2019));
    assertEquals(LocalDate.of(2038, 4, 25), Easter.sunday(2038));
    assertEquals(LocalDate.of(2008, 3, 23), Easter.sunday(2008));
    assertEquals(LocalDate.of(1951, 3, 25), Easter.sunday(1951));
  }

  @Test
  void longWeekendsRunFromFridayEveningToTheTuesday() {
    String memorial =
        intervals(
            "hour",
            0,
            20,
            utc("2027-05-28T18:00"),
            utc("2027-06-01T00:00"),
            utc("2028-05-26T18:00"),
            utc("2028-05-30T00:00"),
            utc("2029-05-25T18:00"),
            utc("2029-05-29T00:00"));
    assertFinds(
        UTC,
        "memorial day weekend",
        memorial.replace("]}@", "], holidayBeta=Memorial Day weekend}@"));
  }

  @Test
  void rangesBetweenHolidaysFollowEachYearsDates() {
    assertFinds(
        UTC,
        "from thanksgiving to christmas",
        intervals(
            "day",
            0,
            30,
            utc("2026-11-26T00:00"),
            utc("2026-12-26T00:00"),
            utc("2027-11-25T00:00"),
            utc("2027-12-26T00:00"),
            utc("2028-11-23T00:00"),
            utc("2028-12-26T00:00")));
  }

  @Test
  void wordsThatOnlyLookLikeHolidays() {
    assertFinds(UTC, "Martin Luther King' day");
    assertFinds(UTC, "thanks for giving me the keys");
    assertFinds(UTC, "my grandmother's day off");
    assertFinds(UTC, "a good fried egg");
  }
}
