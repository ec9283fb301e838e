package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.ExpectedTimes.assertFinds;
import static dev.parley.plugins.entity.system.ExpectedTimes.holiday;
import static dev.parley.plugins.entity.system.ExpectedTimes.interval;
import static dev.parley.plugins.entity.system.ExpectedTimes.open;

import dev.parley.plugin.nlu.EntityExtractor;
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

  private static String utc(String dateTime) {
    return dateTime + ":00.000+00:00";
  }

  private static String shanghai(String dateTime) {
    return dateTime + ":00.000+08:00";
  }

  private static String days(String from, String to, int start, int end) {
    return interval(utc(from + "T00:00"), utc(to + "T00:00"), "day", start, end);
  }

  private static String chineseDays(String from, String to, int start, int end) {
    return interval(shanghai(from + "T00:00"), shanghai(to + "T00:00"), "day", start, end);
  }

  @Test
  void englishRangesOfDaysInAMonthAreInTheirNextYearWhenOver() {
    String july = days("2027-07-13", "2027-07-16", 0, 10);
    assertFinds(UTC, "July 13-15", july);
    assertFinds(UTC, "13-15 July", july);
    assertFinds(UTC, "from July 13 to July 15", july.replace("@0-10", "@0-23"));
    assertFinds(UTC, "from the 13th to the 15th of July", july.replace("@0-10", "@0-33"));
    assertFinds(UTC, "Aug 8 - Aug 12", days("2027-08-08", "2027-08-13", 0, 14));
    assertFinds(UTC, "December 24-26", days("2026-12-24", "2026-12-27", 0, 14));
    assertFinds(UTC, "from november 20 to 30 2026", days("2026-11-20", "2026-12-01", 0, 27));
  }

  @Test
  void englishRangesOfNamedDays() {
    assertFinds(UTC, "between monday and wednesday", days("2026-11-30", "2026-12-03", 0, 28));
    assertFinds(UTC, "wednesday to friday", days("2026-11-25", "2026-11-28", 0, 19));
    assertFinds(UTC, "from today to tomorrow", days("2026-11-25", "2026-11-27", 0, 22));
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
    assertFinds(UTC, "till friday", open("to", utc("2026-11-27T00:00"), "day", 0, 11));
    assertFinds(UTC, "until next monday", open("to", utc("2026-11-30T00:00"), "day", 0, 17));
    assertFinds(UTC, "after friday", open("from", utc("2026-11-27T00:00"), "day", 0, 12));
    assertFinds(SHANGHAI, "周五之前", open("to", shanghai("2026-11-27T00:00"), "day", 0, 4));
    assertFinds(SHANGHAI, "明天以后", open("from", shanghai("2026-11-26T00:00"), "day", 0, 4));
  }

  @Test
  void chineseRangesOfDays() {
    assertFinds(SHANGHAI, "6月12号到7月3号", chineseDays("2027-06-12", "2027-07-04", 0, 10));
    assertFinds(SHANGHAI, "六月十二日-七月三日", chineseDays("2027-06-12", "2027-07-04", 0, 10));
    assertFinds(SHANGHAI, "6月12号到15号", chineseDays("2027-06-12", "2027-06-16", 0, 9));
    assertFinds(SHANGHAI, "12号到15号", chineseDays("2026-12-12", "2026-12-16", 0, 7));
    assertFinds(SHANGHAI, "12号到3号", chineseDays("2026-12-12", "2027-01-04", 0, 6));
    assertFinds(SHANGHAI, "周一到周三", chineseDays("2026-11-30", "2026-12-03", 0, 5));
    assertFinds(SHANGHAI, "星期三至星期五", chineseDays("2026-11-25", "2026-11-28", 0, 7));
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
  void fixedDateHolidaysAreTheirNextDayWithTheirName() {
    assertFinds(UTC, "christmas", holiday(utc("2026-12-25T00:00"), "Christmas", 0, 9));
    assertFinds(UTC, "xmas", holiday(utc("2026-12-25T00:00"), "Christmas", 0, 4));
    assertFinds(UTC, "new year's eve", holiday(utc("2026-12-31T00:00"), "New Year's Eve", 0, 14));
    assertFinds(UTC, "new years day", holiday(utc("2027-01-01T00:00"), "New Year's Day", 0, 13));
    assertFinds(UTC, "valentine's day", holiday(utc("2027-02-14T00:00"), "Valentine's Day", 0, 15));
    assertFinds(UTC, "halloween", holiday(utc("2027-10-31T00:00"), "Halloween", 0, 9));
    assertFinds(
        UTC,
        "christmas at 6 pm",
        "time={value="
            + utc("2026-12-25T18:00")
            + ", grain=hour, type=value, holidayBeta=Christmas}@0-17");
    assertFinds(SHANGHAI, "元旦", holiday(shanghai("2027-01-01T00:00"), "元旦", 0, 2));
    assertFinds(SHANGHAI, "国庆节", holiday(shanghai("2027-10-01T00:00"), "国庆节", 0, 3));
    assertFinds(SHANGHAI, "圣诞节", holiday(shanghai("2026-12-25T00:00"), "圣诞节", 0, 3));
    assertFinds(
        SHANGHAI,
        "情人节晚上",
        interval(shanghai("2027-02-14T18:00"), shanghai("2027-02-15T00:00"), "hour", 0, 5)
            .replace("]}@", "], holidayBeta=情人节}@"));
  }
}
