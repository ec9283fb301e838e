package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.ExpectedTimes.assertFinds;
import static dev.parley.plugins.entity.system.ExpectedTimes.interval;
import static dev.parley.plugins.entity.system.ExpectedTimes.intervals;
import static dev.parley.plugins.entity.system.ExpectedTimes.shanghai;
import static dev.parley.plugins.entity.system.ExpectedTimes.utc;

import dev.parley.plugin.nlu.EntityExtractor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ends and beginnings of months and years, with "now" fixed at Wednesday 2026-11-25 10:00 UTC
 * (18:00 in Shanghai): Duckling's "end of the month" is the 21st to the 1st of the next month, "end
 * of the year" September to January; "by the end of …" runs from now.
 */
class DucklingPeriodEdgesTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  private static String utcDays(String from, String to, int start, int end) {
    return interval(utc(from + "T00:00"), utc(to + "T00:00"), "day", start, end);
  }

  private static String utcMonths(String from, String to, int start, int end) {
    return interval(utc(from + "T00:00"), utc(to + "T00:00"), "month", start, end);
  }

  private static String shanghaiDays(String from, String to, int start, int end) {
    return interval(shanghai(from + "T00:00"), shanghai(to + "T00:00"), "day", start, end);
  }

  private static String shanghaiMonths(String from, String to, int start, int end) {
    return interval(shanghai(from + "T00:00"), shanghai(to + "T00:00"), "month", start, end);
  }

  @Test
  void endAndBeginningOfTheMonth() {
    assertFinds(UTC, "end of the month", utcDays("2026-11-21", "2026-12-01", 0, 16));
    assertFinds(UTC, "pay at the end of month", utcDays("2026-11-21", "2026-12-01", 4, 23));
    assertFinds(UTC, "EOM", utcDays("2026-11-21", "2026-12-01", 0, 3));
    assertFinds(UTC, "beginning of the month", utcDays("2026-11-01", "2026-11-11", 0, 22));
    assertFinds(UTC, "end of next month", utcDays("2026-12-21", "2027-01-01", 0, 17));
    assertFinds(
        UTC,
        "by the end of the month",
        interval(utc("2026-11-25T10:00"), utc("2026-12-01T00:00"), "second", 0, 23));
  }

  @Test
  void endAndBeginningOfTheWeek() {
    assertFinds(UTC, "end of the week", utcDays("2026-11-27", "2026-11-30", 0, 15));
    assertFinds(UTC, "at the beginning of next week", utcDays("2026-11-30", "2026-12-03", 0, 29));
    assertFinds(
        UTC,
        "by the end of the week",
        interval(utc("2026-11-25T10:00"), utc("2026-11-30T00:00"), "second", 0, 22));
  }

  @Test
  void endAndBeginningOfANamedMonthRecurYearly() {
    assertFinds(
        UTC,
        "end of April",
        intervals(
            "day",
            0,
            12,
            utc("2027-04-21T00:00"),
            utc("2027-05-01T00:00"),
            utc("2028-04-21T00:00"),
            utc("2028-05-01T00:00"),
            utc("2029-04-21T00:00"),
            utc("2029-05-01T00:00")));
    assertFinds(
        UTC,
        "at the end of november",
        intervals(
            "day",
            0,
            22,
            utc("2026-11-21T00:00"),
            utc("2026-12-01T00:00"),
            utc("2027-11-21T00:00"),
            utc("2027-12-01T00:00"),
            utc("2028-11-21T00:00"),
            utc("2028-12-01T00:00")));
  }

  @Test
  void endAndBeginningOfTheYear() {
    assertFinds(UTC, "end of the year", utcMonths("2026-09-01", "2027-01-01", 0, 15));
    assertFinds(UTC, "EOY", utcMonths("2026-09-01", "2027-01-01", 0, 3));
    assertFinds(UTC, "the beginning of the year", utcMonths("2026-01-01", "2026-04-01", 0, 25));
    assertFinds(UTC, "beginning of 2027", utcMonths("2027-01-01", "2027-04-01", 0, 17));
    assertFinds(
        UTC,
        "by end of year",
        interval(utc("2026-11-25T10:00"), utc("2027-01-01T00:00"), "second", 0, 14));
  }

  @Test
  void wordsThatAreNoEdges() {
    assertFinds(UTC, "the boy and the bomb");
    assertFinds(UTC, "read the end of the monthly report");
    assertFinds(UTC, "the end of the story");
  }

  @Test
  void chineseMonthEdges() {
    assertFinds(SHANGHAI, "月底", shanghaiDays("2026-11-21", "2026-12-01", 0, 2));
    assertFinds(SHANGHAI, "月末交报告", shanghaiDays("2026-11-21", "2026-12-01", 0, 2));
    assertFinds(SHANGHAI, "本月初", shanghaiDays("2026-11-01", "2026-11-11", 0, 3));
    assertFinds(SHANGHAI, "下个月底", shanghaiDays("2026-12-21", "2027-01-01", 0, 4));
    assertFinds(
        SHANGHAI,
        "6月底",
        intervals(
            "day",
            0,
            3,
            shanghai("2027-06-21T00:00"),
            shanghai("2027-07-01T00:00"),
            shanghai("2028-06-21T00:00"),
            shanghai("2028-07-01T00:00"),
            shanghai("2029-06-21T00:00"),
            shanghai("2029-07-01T00:00")));
    assertFinds(SHANGHAI, "2027年3月初", shanghaiDays("2027-03-01", "2027-03-11", 0, 8));
  }

  @Test
  void chineseYearEdges() {
    assertFinds(SHANGHAI, "年底", shanghaiMonths("2026-09-01", "2027-01-01", 0, 2));
    assertFinds(SHANGHAI, "明年初", shanghaiMonths("2027-01-01", "2027-04-01", 0, 3));
    assertFinds(SHANGHAI, "今年年底", shanghaiMonths("2026-09-01", "2027-01-01", 0, 4));
    assertFinds(SHANGHAI, "2027年底", shanghaiMonths("2027-09-01", "2028-01-01", 0, 6));
  }

  @Test
  void lunarDaysAreNoEdges() {
    assertFinds(SHANGHAI, "腊月初八", "number=8@3-4");
    assertFinds(SHANGHAI, "岁月");
  }
}
