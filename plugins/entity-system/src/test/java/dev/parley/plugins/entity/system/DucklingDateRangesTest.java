package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.ExpectedTimes.assertFinds;
import static dev.parley.plugins.entity.system.ExpectedTimes.holiday;
import static dev.parley.plugins.entity.system.ExpectedTimes.interval;
import static dev.parley.plugins.entity.system.ExpectedTimes.intervals;
import static dev.parley.plugins.entity.system.ExpectedTimes.open;
import static dev.parley.plugins.entity.system.ExpectedTimes.opens;
import static dev.parley.plugins.entity.system.ExpectedTimes.shanghai;
import static dev.parley.plugins.entity.system.ExpectedTimes.times;
import static dev.parley.plugins.entity.system.ExpectedTimes.timesValued;
import static dev.parley.plugins.entity.system.ExpectedTimes.utc;

import dev.parley.plugin.nlu.EntityExtractor;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ranges of days, "next/last N units", "by", "until" with days, and holidays, with "now" fixed at
 * Wednesday 2026-11-25 10:00 UTC (18:00 in Shanghai). As in Duckling, a range of days ends at the
 * start of the day after its last day.
 */
class DucklingDateRangesTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  /** Midnight at the start of each date, in UTC. */
  private static String[] utcDays(String... dates) {
    return Arrays.stream(dates).map(d -> utc(d + "T00:00")).toArray(String[]::new);
  }

  /** Midnight at the start of each date, in Shanghai. */
  private static String[] shanghaiDays(String... dates) {
    return Arrays.stream(dates).map(d -> shanghai(d + "T00:00")).toArray(String[]::new);
  }

  /** A range of days named once: from its first day to the day after its last one. */
  private static String days(String from, String to, int start, int end) {
    return interval(utc(from + "T00:00"), utc(to + "T00:00"), "day", start, end);
  }

  /** Ranges of days that recur; {@code fromsAndTos} are dates, from and to of each in turn. */
  private static String dayRanges(int start, int end, String... fromsAndTos) {
    return intervals("day", start, end, utcDays(fromsAndTos));
  }

  private static String chineseDayRanges(int start, int end, String... fromsAndTos) {
    return intervals("day", start, end, shanghaiDays(fromsAndTos));
  }

  private static String chineseDays(String from, String to, int start, int end) {
    return interval(shanghai(from + "T00:00"), shanghai(to + "T00:00"), "day", start, end);
  }

  /** "July 13-15" from 2027 on (this year's is over): 13 to 16 July of 2027, 2028 and 2029. */
  private static String july13To15(int start, int end) {
    return dayRanges(
        start,
        end,
        "2027-07-13",
        "2027-07-16",
        "2028-07-13",
        "2028-07-16",
        "2029-07-13",
        "2029-07-16");
  }

  @Test
  void englishRangesOfDaysInAMonthAreInTheirNextYearWhenOverAndRecurYearly() {
    assertFinds(UTC, "July 13-15", july13To15(0, 10));
    assertFinds(UTC, "13-15 July", july13To15(0, 10));
    assertFinds(UTC, "from July 13 to July 15", july13To15(0, 23));
    assertFinds(UTC, "from the 13th to the 15th of July", july13To15(0, 33));
    assertFinds(
        UTC,
        "Aug 8 - Aug 12",
        dayRanges(
            0,
            14,
            "2027-08-08",
            "2027-08-13",
            "2028-08-08",
            "2028-08-13",
            "2029-08-08",
            "2029-08-13"));
    assertFinds(
        UTC,
        "December 24-26",
        dayRanges(
            0,
            14,
            "2026-12-24",
            "2026-12-27",
            "2027-12-24",
            "2027-12-27",
            "2028-12-24",
            "2028-12-27"));
    assertFinds(UTC, "from november 20 to 30 2026", days("2026-11-20", "2026-12-01", 0, 27));
  }

  @Test
  void englishRangesOfNamedDays() {
    assertFinds(
        UTC,
        "between monday and wednesday",
        dayRanges(
            0,
            28,
            "2026-11-30",
            "2026-12-03",
            "2026-12-07",
            "2026-12-10",
            "2026-12-14",
            "2026-12-17"));
    assertFinds(
        UTC,
        "wednesday to friday",
        dayRanges(
            0,
            19,
            "2026-11-25",
            "2026-11-28",
            "2026-12-02",
            "2026-12-05",
            "2026-12-09",
            "2026-12-12"));
    assertFinds(UTC, "from today to tomorrow", days("2026-11-25", "2026-11-27", 0, 22));
  }

  @Test
  void weekdaysAndDatesWithoutAYearListTheirNextThreeDays() {
    assertFinds(
        UTC, "monday", times("day", 0, 6, utcDays("2026-11-30", "2026-12-07", "2026-12-14")));
    assertFinds(
        UTC,
        "wednesday",
        timesValued(
            utc("2026-12-02T00:00"),
            "day",
            0,
            9,
            utcDays("2026-11-25", "2026-12-02", "2026-12-09")));
    assertFinds(
        UTC, "july 4th", times("day", 0, 8, utcDays("2027-07-04", "2028-07-04", "2029-07-04")));
    assertFinds(UTC, "july 4th 2027", ExpectedTimes.time(utc("2027-07-04T00:00"), "day", 0, 13));
  }

  @Test
  void numbersWithADashAreNoRangesOfDays() {
    assertFinds(UTC, "I need 3 tickets", "number=3@7-8");
    assertFinds(UTC, "the 5-3 score", "number=5@4-5", "number=3@6-7");
    assertFinds(UTC, "page 13-15", "number=13@5-7", "number=15@8-10");
    assertFinds(
        UTC, "today and tomorrow", dayValue("2026-11-25", 0, 5), dayValue("2026-11-26", 10, 18));
  }

  private static String dayValue(String date, int start, int end) {
    return ExpectedTimes.time(utc(date + "T00:00"), "day", start, end);
  }

  @Test
  void nextAndLastUnitsLeaveTheCurrentOneOut() {
    assertFinds(UTC, "next 3 days", days("2026-11-26", "2026-11-29", 0, 11));
    assertFinds(UTC, "next few days", days("2026-11-26", "2026-11-29", 0, 13));
    assertFinds(UTC, "the last 2 days", days("2026-11-23", "2026-11-25", 4, 15));
    assertFinds(UTC, "past 2 days", days("2026-11-23", "2026-11-25", 0, 11));
    assertFinds(
        UTC,
        "the next two weeks",
        interval(utc("2026-11-30T00:00"), utc("2026-12-14T00:00"), "week", 4, 18));
    assertFinds(
        UTC,
        "in the next 2 hours",
        interval(utc("2026-11-25T11:00"), utc("2026-11-25T13:00"), "hour", 7, 19));
    assertFinds(
        UTC,
        "last 2 months",
        interval(utc("2026-09-01T00:00"), utc("2026-11-01T00:00"), "month", 0, 13));
    assertFinds(
        UTC,
        "next 3 years",
        interval(utc("2027-01-01T00:00"), utc("2030-01-01T00:00"), "year", 0, 12));
  }

  @Test
  void byAndWithinRunFromNowToTheSecond() {
    assertFinds(
        UTC, "by 2pm", interval(utc("2026-11-25T10:00"), utc("2026-11-25T14:00"), "second", 0, 6));
    assertFinds(
        UTC,
        "by tomorrow",
        interval(utc("2026-11-25T10:00"), utc("2026-11-26T00:00"), "second", 0, 11));
    assertFinds(
        UTC,
        "within 2 weeks",
        interval(utc("2026-11-25T10:00"), utc("2026-12-09T00:00"), "second", 0, 14));
    assertFinds(UTC, "by the way");
    assertFinds(UTC, "go by car");
  }

  @Test
  void untilAndAfterADayAreOpenIntervals() {
    String[] fridays = {"2026-11-27", "2026-12-04", "2026-12-11"};
    assertFinds(UTC, "till friday", opens("to", "day", 0, 11, utcDays(fridays)));
    assertFinds(UTC, "after friday", opens("from", "day", 0, 12, utcDays(fridays)));
    assertFinds(UTC, "until next monday", open("to", utc("2026-11-30T00:00"), "day", 0, 17));
    assertFinds(SHANGHAI, "周五之前", opens("to", "day", 0, 4, shanghaiDays(fridays)));
    assertFinds(SHANGHAI, "明天以后", open("from", shanghai("2026-11-26T00:00"), "day", 0, 4));
  }

  @Test
  void chineseRangesOfDays() {
    String juneToJuly =
        chineseDayRanges(
            0,
            10,
            "2027-06-12",
            "2027-07-04",
            "2028-06-12",
            "2028-07-04",
            "2029-06-12",
            "2029-07-04");
    assertFinds(SHANGHAI, "6月12号到7月3号", juneToJuly);
    assertFinds(SHANGHAI, "六月十二日-七月三日", juneToJuly);
    assertFinds(
        SHANGHAI,
        "6月12号到15号",
        chineseDayRanges(
            0,
            9,
            "2027-06-12",
            "2027-06-16",
            "2028-06-12",
            "2028-06-16",
            "2029-06-12",
            "2029-06-16"));
    assertFinds(
        SHANGHAI,
        "12号到15号",
        chineseDayRanges(
            0,
            7,
            "2026-12-12",
            "2026-12-16",
            "2027-01-12",
            "2027-01-16",
            "2027-02-12",
            "2027-02-16"));
    assertFinds(
        SHANGHAI,
        "12号到3号",
        chineseDayRanges(
            0,
            6,
            "2026-12-12",
            "2027-01-04",
            "2027-01-12",
            "2027-02-04",
            "2027-02-12",
            "2027-03-04"));
    assertFinds(
        SHANGHAI,
        "周一到周三",
        chineseDayRanges(
            0,
            5,
            "2026-11-30",
            "2026-12-03",
            "2026-12-07",
            "2026-12-10",
            "2026-12-14",
            "2026-12-17"));
    assertFinds(
        SHANGHAI,
        "星期三至星期五",
        chineseDayRanges(
            0,
            7,
            "2026-11-25",
            "2026-11-28",
            "2026-12-02",
            "2026-12-05",
            "2026-12-09",
            "2026-12-12"));
    assertFinds(SHANGHAI, "我要3张票", "number=3@2-3");
  }

  @Test
  void chineseNextAndLastUnits() {
    assertFinds(SHANGHAI, "下三天", chineseDays("2026-11-26", "2026-11-29", 0, 3));
    assertFinds(SHANGHAI, "未来三天", chineseDays("2026-11-26", "2026-11-29", 0, 4));
    assertFinds(SHANGHAI, "前两天", chineseDays("2026-11-23", "2026-11-25", 0, 3));
    assertFinds(SHANGHAI, "过去两天", chineseDays("2026-11-23", "2026-11-25", 0, 4));
    assertFinds(SHANGHAI, "最近三天", chineseDays("2026-11-22", "2026-11-25", 0, 4));
    assertFinds(
        SHANGHAI,
        "接下来两周",
        interval(shanghai("2026-11-30T00:00"), shanghai("2026-12-14T00:00"), "week", 0, 5));
    assertFinds(
        SHANGHAI,
        "后三个月",
        interval(shanghai("2026-12-01T00:00"), shanghai("2027-03-01T00:00"), "month", 0, 4));
  }

  @Test
  void fixedDateHolidaysAreTheirNextDayWithTheirNameAndRecurYearly() {
    String[] christmases = utcDays("2026-12-25", "2027-12-25", "2028-12-25");
    assertFinds(UTC, "christmas", holiday("Christmas", 0, 9, christmases));
    assertFinds(UTC, "xmas", holiday("Christmas", 0, 4, christmases));
    assertFinds(
        UTC,
        "new year's eve",
        holiday("New Year's Eve", 0, 14, utcDays("2026-12-31", "2027-12-31", "2028-12-31")));
    assertFinds(
        UTC,
        "new years day",
        holiday("New Year's Day", 0, 13, utcDays("2027-01-01", "2028-01-01", "2029-01-01")));
    assertFinds(
        UTC,
        "valentine's day",
        holiday("Valentine's Day", 0, 15, utcDays("2027-02-14", "2028-02-14", "2029-02-14")));
    assertFinds(
        UTC,
        "halloween",
        holiday("Halloween", 0, 9, utcDays("2027-10-31", "2028-10-31", "2029-10-31")));
    assertFinds(
        UTC,
        "christmas at 6 pm",
        times(
                "hour",
                0,
                17,
                utc("2026-12-25T18:00"),
                utc("2027-12-25T18:00"),
                utc("2028-12-25T18:00"))
            .replace("]}@", "], holidayBeta=Christmas}@"));
    assertFinds(
        SHANGHAI,
        "元旦",
        holiday("元旦", 0, 2, shanghaiDays("2027-01-01", "2028-01-01", "2029-01-01")));
    assertFinds(
        SHANGHAI,
        "国庆节",
        times("day", 0, 3, shanghaiDays("2027-10-01", "2028-10-01", "2029-10-01")));
    assertFinds(
        SHANGHAI,
        "圣诞节",
        holiday("圣诞节", 0, 3, shanghaiDays("2026-12-25", "2027-12-25", "2028-12-25")));
    assertFinds(
        SHANGHAI,
        "情人节晚上",
        intervals(
                "hour",
                0,
                5,
                shanghai("2027-02-14T18:00"),
                shanghai("2027-02-15T00:00"),
                shanghai("2028-02-14T18:00"),
                shanghai("2028-02-15T00:00"),
                shanghai("2029-02-14T18:00"),
                shanghai("2029-02-15T00:00"))
            .replace("]}@", "], holidayBeta=情人节}@"));
  }
}
