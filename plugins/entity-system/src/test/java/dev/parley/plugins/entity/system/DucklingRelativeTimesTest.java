package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.found;
import static dev.parley.plugins.entity.system.ExpectedTimes.assertFinds;
import static dev.parley.plugins.entity.system.ExpectedTimes.interval;
import static dev.parley.plugins.entity.system.ExpectedTimes.shanghai;
import static dev.parley.plugins.entity.system.ExpectedTimes.time;
import static dev.parley.plugins.entity.system.ExpectedTimes.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.EntityExtractor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Times counted from now, with "now" fixed at Wednesday 2026-11-25 10:00 UTC (18:00 in Shanghai):
 * "2 hours ago" is a point rounded as Duckling rounds it; Duckling's Chinese "两小时前"/"三天后" are the
 * whole units before or after the current one.
 */
class DucklingRelativeTimesTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  @Test
  void englishTimesAgoAreRoundedPoints() {
    assertFinds(UTC, "2 hours ago", time(utc("2026-11-25T08:00"), "minute", 0, 11));
    assertFinds(UTC, "left 3 days ago", time(utc("2026-11-22T10:00"), "hour", 5, 15));
    assertFinds(UTC, "a week ago", time(utc("2026-11-18T00:00"), "day", 0, 10));
  }

  @Test
  void englishHalfHours() {
    assertFinds(UTC, "in half an hour", time(utc("2026-11-25T10:30"), "second", 0, 15));
    assertFinds(UTC, "half an hour ago", time(utc("2026-11-25T09:30"), "second", 0, 16));
    assertFinds(
        UTC,
        "within half an hour",
        interval(utc("2026-11-25T10:00"), utc("2026-11-25T10:30"), "second", 0, 19));
    assertEquals(List.of("duration=30 minute@4-16"), durations(UTC, "for half an hour"));
    assertFinds(UTC, "half an hourglass");
  }

  @Test
  void chineseUnitsBeforeOrAfterAreWholeUnitsBesideTheCurrentOne() {
    assertFinds(
        SHANGHAI,
        "两小时前",
        interval(shanghai("2026-11-25T16:00"), shanghai("2026-11-25T18:00"), "hour", 0, 4));
    assertFinds(
        SHANGHAI,
        "三天前",
        interval(shanghai("2026-11-22T00:00"), shanghai("2026-11-25T00:00"), "day", 0, 3));
    assertFinds(
        SHANGHAI,
        "两个星期之前",
        interval(shanghai("2026-11-09T00:00"), shanghai("2026-11-23T00:00"), "week", 0, 6));
    assertFinds(
        SHANGHAI,
        "三天后",
        interval(shanghai("2026-11-26T00:00"), shanghai("2026-11-29T00:00"), "day", 0, 3));
    assertFinds(
        SHANGHAI,
        "两个小时之后",
        interval(shanghai("2026-11-25T19:00"), shanghai("2026-11-25T21:00"), "hour", 0, 6));
  }

  @Test
  void chineseYiHouAndYiQianAreRoundedPoints() {
    assertFinds(SHANGHAI, "两小时以后", time(shanghai("2026-11-25T20:00"), "minute", 0, 5));
    assertFinds(SHANGHAI, "两天以前", time(shanghai("2026-11-23T18:00"), "hour", 0, 4));
  }

  @Test
  void chineseHalfHours() {
    assertFinds(SHANGHAI, "半小时后", time(shanghai("2026-11-25T18:30"), "second", 0, 4));
    assertFinds(SHANGHAI, "半个小时前", time(shanghai("2026-11-25T17:30"), "second", 0, 5));
    assertFinds(SHANGHAI, "一个半小时后", time(shanghai("2026-11-25T19:30"), "second", 0, 6));
    assertEquals(List.of("duration=30 minute@1-4"), durations(SHANGHAI, "等半小时"));
  }

  @Test
  void yearsAndPlainNumbersAreNoTimesAgo() {
    assertFinds(SHANGHAI, "2020年前", "number=2020@0-4");
    assertFinds(SHANGHAI, "前面三个人", "number=3@2-3");
  }

  /** Durations as "duration=<value> <unit>@start-end". */
  private static List<String> durations(EntityExtractor extractor, String text) {
    return found(extractor, text).stream()
        .filter(f -> f.startsWith("duration="))
        .map(f -> f.replaceAll("duration=\\{value=(\\d+), unit=(\\w+),.*\\}@", "duration=$1 $2@"))
        .toList();
  }
}
