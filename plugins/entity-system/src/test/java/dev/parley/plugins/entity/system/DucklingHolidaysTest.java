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
import dev.parley.plugins.testkit.TestContext;
import dev.parley.plugins.testkit.TrainingDataBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holidays on computed dates (an nth weekday, set from easter, on the lunar calendar), with "now"
 * fixed at Wednesday 2026-11-25 10:00 UTC (18:00 in Shanghai): each is its next day, today
 * included, with the next two as values and Duckling's name in {@code holidayBeta}.
 */
class DucklingHolidaysTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  private static EntityExtractor extractorAt(String instant, Map<String, Object> config) {
    DucklingEntityExtractorFactory factory =
        new DucklingEntityExtractorFactory(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    return factory.create(
        TestContext.of(factory.configProperties(), config, TrainingDataBuilder.emptyDomain()));
  }

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
    assertFinds(SHANGHAI, "去年中秋节", named(shanghai("2025-10-06T00:00"), "中秋节", 0, 5));
    assertFinds(SHANGHAI, "明年的端午节", named(shanghai("2027-06-09T00:00"), "端午节", 0, 6));
    assertFinds(SHANGHAI, "今年春节", named(shanghai("2026-02-17T00:00"), "春节", 0, 4));
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
  void lunarHolidaysFollowTheChineseCalendar() {
    assertFinds(
        SHANGHAI,
        "中秋节",
        holiday("中秋节", 0, 3, shanghaiDays("2027-09-15", "2028-10-03", "2029-09-22")));
    assertFinds(
        SHANGHAI,
        "端午节回家",
        holiday("端午节", 0, 3, shanghaiDays("2027-06-09", "2028-05-28", "2029-06-16")));
    assertFinds(
        SHANGHAI,
        "七夕",
        holiday("七夕", 0, 2, shanghaiDays("2027-08-08", "2028-08-26", "2029-08-16")));
    assertFinds(
        SHANGHAI,
        "重阳节",
        holiday("重阳节", 0, 3, shanghaiDays("2027-10-08", "2028-10-26", "2029-10-16")));
    assertFinds(
        SHANGHAI,
        "中秋节晚上",
        intervals(
                "hour",
                0,
                5,
                shanghai("2027-09-15T18:00"),
                shanghai("2027-09-16T00:00"),
                shanghai("2028-10-03T18:00"),
                shanghai("2028-10-04T00:00"),
                shanghai("2029-09-22T18:00"),
                shanghai("2029-09-23T00:00"))
            .replace("]}@", "], holidayBeta=中秋节}@"));
    assertFinds(SHANGHAI, "元宵很好吃");
    assertFinds(
        extractorAt("2030-03-01T10:00:00Z", Map.of("timezone", "Asia/Shanghai")),
        "元宵节",
        holiday("元宵节", 0, 3, shanghaiDays("2031-02-06", "2032-02-25", "2033-02-14")));
  }

  /**
   * 春节 and 除夕 as the official calendar dates them, 2027's (February 6th) and 2030's (February 3rd)
   * included, which ICU4J's approximation of the moon puts a day late (ICU-23274).
   */
  @Test
  void springFestivalAndItsEve() {
    String[] springFestivals = shanghaiDays("2027-02-06", "2028-01-26", "2029-02-13");
    assertFinds(SHANGHAI, "春节", holiday("春节", 0, 2, springFestivals));
    assertFinds(SHANGHAI, "农历新年", holiday("春节", 0, 4, springFestivals));
    assertFinds(SHANGHAI, "大年初一", holiday("春节", 0, 4, springFestivals));
    assertFinds(
        SHANGHAI,
        "除夕",
        holiday("除夕", 0, 2, shanghaiDays("2027-02-05", "2028-01-25", "2029-02-12")));
    assertFinds(
        SHANGHAI,
        "元宵节",
        holiday("元宵节", 0, 3, shanghaiDays("2027-02-20", "2028-02-09", "2029-02-27")));
    EntityExtractor january2030 =
        extractorAt("2030-01-15T10:00:00Z", Map.of("timezone", "Asia/Shanghai"));
    assertFinds(
        january2030,
        "春节",
        holiday("春节", 0, 2, shanghaiDays("2030-02-03", "2031-01-23", "2032-02-11")));
    assertFinds(
        january2030,
        "除夕",
        holiday("除夕", 0, 2, shanghaiDays("2030-02-02", "2031-01-22", "2032-02-10")));
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
