package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.found;
import static dev.parley.plugins.entity.system.ExpectedTimes.assertFinds;
import static dev.parley.plugins.entity.system.ExpectedTimes.interval;
import static dev.parley.plugins.entity.system.ExpectedTimes.shanghai;
import static dev.parley.plugins.entity.system.ExpectedTimes.time;
import static dev.parley.plugins.entity.system.ExpectedTimes.utc;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.plugin.nlu.EntityExtractor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seasons (Duckling's day intervals) and quarters (points of grain quarter), with "now" fixed at
 * Wednesday 2026-11-25 10:00 UTC (18:00 in Shanghai), in the fall.
 */
class DucklingSeasonsAndQuartersTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  private static String utcDays(String from, String to, int start, int end) {
    return interval(utc(from + "T00:00"), utc(to + "T00:00"), "day", start, end);
  }

  private static String shanghaiDays(String from, String to, int start, int end) {
    return interval(shanghai(from + "T00:00"), shanghai(to + "T00:00"), "day", start, end);
  }

  @Test
  void seasonsNowNextAndLast() {
    assertFinds(UTC, "this summer", utcDays("2027-06-21", "2027-09-24", 0, 11));
    assertFinds(UTC, "next summer", utcDays("2027-06-21", "2027-09-24", 0, 11));
    assertFinds(UTC, "last summer", utcDays("2026-06-21", "2026-09-24", 0, 11));
    assertFinds(UTC, "this fall", utcDays("2026-09-23", "2026-12-22", 0, 9));
    assertFinds(UTC, "next fall", utcDays("2027-09-23", "2027-12-22", 0, 9));
    assertFinds(UTC, "last autumn", utcDays("2025-09-23", "2025-12-22", 0, 11));
    assertFinds(UTC, "this winter", utcDays("2026-12-21", "2027-03-21", 0, 11));
  }

  @Test
  void seasonsNeedAWordBeforeThem() {
    assertFinds(UTC, "spring cleaning");
    assertFinds(UTC, "I fall asleep");
    assertFinds(UTC, "the summer job");
  }

  @Test
  void chineseSeasons() {
    assertFinds(SHANGHAI, "今年夏天", shanghaiDays("2026-06-21", "2026-09-24", 0, 4));
    assertFinds(SHANGHAI, "明年春天", shanghaiDays("2027-03-20", "2027-06-22", 0, 4));
    assertFinds(SHANGHAI, "这个冬天", shanghaiDays("2026-12-21", "2027-03-21", 0, 4));
    assertFinds(SHANGHAI, "春天来了");
  }

  @Test
  void quarters() {
    assertFinds(UTC, "this quarter", time(utc("2026-10-01T00:00"), "quarter", 0, 12));
    assertFinds(UTC, "next qtr", time(utc("2027-01-01T00:00"), "quarter", 0, 8));
    assertFinds(UTC, "last quarter", time(utc("2026-07-01T00:00"), "quarter", 0, 12));
    assertFinds(UTC, "the third quarter", time(utc("2026-07-01T00:00"), "quarter", 0, 17));
    assertFinds(UTC, "4th quarter 2027", time(utc("2027-10-01T00:00"), "quarter", 0, 16));
    assertFalse(found(UTC, "a quarter past three").toString().contains("grain=quarter"));
    assertFalse(found(UTC, "quarter to six").toString().contains("grain=quarter"));
  }

  @Test
  void chineseQuarters() {
    assertFinds(SHANGHAI, "本季度", time(shanghai("2026-10-01T00:00"), "quarter", 0, 3));
    assertFinds(SHANGHAI, "下个季度", time(shanghai("2027-01-01T00:00"), "quarter", 0, 4));
    assertFinds(SHANGHAI, "第三季度", time(shanghai("2026-07-01T00:00"), "quarter", 0, 4));
    assertFinds(SHANGHAI, "明年第一季度", time(shanghai("2027-01-01T00:00"), "quarter", 0, 6));
    assertFinds(SHANGHAI, "2027年第四季度", time(shanghai("2027-10-01T00:00"), "quarter", 0, 9));
  }
}
