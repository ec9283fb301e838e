package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.found;
import static dev.parley.plugins.entity.system.ExpectedTimes.interval;
import static dev.parley.plugins.entity.system.ExpectedTimes.open;
import static dev.parley.plugins.entity.system.ExpectedTimes.time;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.EntityExtractor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time intervals in Duckling's shape and clock times in words, with "now" fixed at Wednesday
 * 2026-11-25 10:00 UTC (18:00 in Shanghai). As in Duckling, {@code to} is the exclusive end of the
 * last hour or minute named.
 */
class DucklingIntervalsTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  @Test
  void englishClockRangesEndAfterTheLastHourNamed() {
    String threeToFive =
        interval("2026-11-25T15:00:00.000+00:00", "2026-11-25T18:00:00.000+00:00", "hour", 0, 15);
    assertEquals(List.of(threeToFive), found(UTC, "from 3pm to 5pm"));
    assertEquals(List.of(threeToFive.replace("@0-15", "@0-13")), found(UTC, "from 3 to 5pm"));
    assertEquals(List.of(threeToFive.replace("@0-15", "@0-18")), found(UTC, "between 3 and 5 pm"));
    assertEquals(List.of(threeToFive.replace("@0-15", "@5-10")), found(UTC, "free 3-5pm"));
    assertEquals(
        List.of(
            interval(
                "2026-11-25T11:00:00.000+00:00", "2026-11-25T14:00:00.000+00:00", "hour", 0, 6)),
        found(UTC, "11-1pm"));
    assertEquals(
        List.of(
            interval(
                "2026-11-25T08:00:00.000+00:00", "2026-11-25T19:00:00.000+00:00", "hour", 0, 11)),
        found(UTC, "8am until 6"));
  }

  @Test
  void englishRangesWithMinutesOrADay() {
    assertEquals(
        List.of(
            interval(
                "2026-11-26T09:30:00.000+00:00", "2026-11-26T11:01:00.000+00:00", "minute", 0, 34)),
        found(UTC, "between 9:30 and 11:00 on thursday"));
    assertEquals(
        List.of(
            interval(
                "2026-11-26T15:00:00.000+00:00", "2026-11-26T18:00:00.000+00:00", "hour", 0, 22)),
        found(UTC, "tomorrow from 3 to 5pm"));
    assertEquals(
        List.of(
            interval(
                "2026-11-25T15:30:00.000+00:00", "2026-11-25T19:00:00.000+00:00", "minute", 0, 11)),
        found(UTC, "3:30-6 p.m."));
    assertEquals(
        List.of(
            interval(
                "2026-11-25T22:00:00.000+00:00", "2026-11-26T03:00:00.000+00:00", "hour", 0, 16)),
        found(UTC, "from 10pm to 2am"));
  }

  @Test
  void rangesNeedAClockMark() {
    assertEquals(List.of("number=3@9-10", "number=5@14-15"), found(UTC, "it takes 3 to 5"));
    assertEquals(List.of("number=11@0-2", "number=26@3-5"), found(UTC, "11-26"));
  }

  @Test
  void englishPartsOfTheDayAndWeekends() {
    assertEquals(
        List.of(
            interval(
                "2026-11-25T18:00:00.000+00:00", "2026-11-26T00:00:00.000+00:00", "hour", 0, 7)),
        found(UTC, "tonight"));
    assertEquals(
        List.of(
            interval(
                "2026-11-24T18:00:00.000+00:00", "2026-11-25T00:00:00.000+00:00", "hour", 0, 10)),
        found(UTC, "last night"));
    assertEquals(
        List.of(
            interval(
                "2026-11-25T12:00:00.000+00:00", "2026-11-25T19:00:00.000+00:00", "hour", 0, 14)),
        found(UTC, "this afternoon"));
    assertEquals(
        List.of(
            interval(
                "2026-11-26T04:00:00.000+00:00", "2026-11-26T12:00:00.000+00:00", "hour", 0, 16)),
        found(UTC, "tomorrow morning"));
    assertEquals(
        List.of(
            interval(
                "2026-11-27T18:00:00.000+00:00", "2026-11-30T00:00:00.000+00:00", "hour", 4, 16)),
        found(UTC, "see this weekend"));
    assertEquals(
        List.of(
            interval(
                "2026-12-04T18:00:00.000+00:00", "2026-12-07T00:00:00.000+00:00", "hour", 0, 12)),
        found(UTC, "next weekend"));
  }

  @Test
  void aClockTimeInAPartOfTheDayIsOneTime() {
    assertEquals(
        List.of(time("2026-11-26T17:00:00.000+00:00", "hour", 0, 23)),
        found(UTC, "tomorrow afternoon at 5"));
    assertEquals(
        List.of(time("2026-11-25T20:00:00.000+00:00", "hour", 0, 19)),
        found(UTC, "at 8 in the evening"));
  }

  @Test
  void openIntervalsHaveOnlyFromOrTo() {
    assertEquals(
        List.of(open("from", "2026-11-25T17:00:00.000+00:00", "hour", 0, 9)),
        found(UTC, "after 5pm"));
    assertEquals(
        List.of(open("to", "2026-11-25T12:00:00.000+00:00", "hour", 0, 11)),
        found(UTC, "before noon"));
    assertEquals(
        List.of(open("to", "2026-11-25T14:00:00.000+00:00", "minute", 0, 12)),
        found(UTC, "until 2:00pm"));
  }

  @Test
  void englishClockTimesInWords() {
    assertEquals(
        List.of(time("2026-11-25T17:00:00.000+00:00", "hour", 5, 12)), found(UTC, "meet at five"));
    assertEquals(
        List.of(time("2026-11-25T17:00:00.000+00:00", "hour", 0, 7)), found(UTC, "five pm"));
    assertEquals(
        List.of(time("2026-11-25T16:30:00.000+00:00", "minute", 0, 14)),
        found(UTC, "half past four"));
    assertEquals(
        List.of(time("2026-11-25T17:45:00.000+00:00", "minute", 0, 14)),
        found(UTC, "quarter to six"));
    assertEquals(
        List.of(time("2026-11-26T07:30:00.000+00:00", "minute", 0, 24)),
        found(UTC, "tomorrow at seven thirty"));
    assertEquals(
        List.of(time("2026-11-25T15:20:00.000+00:00", "minute", 0, 15)),
        found(UTC, "twenty past 3pm"));
    assertEquals(
        List.of(time("2026-11-26T08:38:00.000+00:00", "minute", 6, 15)),
        found(UTC, "leave at 838 am"));
    assertEquals(List.of("number=2026@3-7"), found(UTC, "at 2026"));
  }

  @Test
  void numberWordsAloneAreNoTimes() {
    assertEquals(List.of("number=1@8-11"), found(UTC, "look at one of them"));
    assertEquals(List.of("number=3@0-5", "number=20@6-12"), found(UTC, "three twenty"));
  }

  @Test
  void chineseRangesPartsOfTheDayAndWeekends() {
    assertEquals(
        List.of(
            interval(
                "2026-11-25T15:00:00.000+00:00", "2026-11-25T18:00:00.000+00:00", "hour", 0, 7)),
        found(UTC, "下午三点到五点"));
    assertEquals(
        List.of(
            interval(
                "2026-11-26T15:00:00.000+08:00", "2026-11-26T18:00:00.000+08:00", "hour", 0, 9)),
        found(SHANGHAI, "明天下午三点到五点"));
    assertEquals(
        List.of(
            interval(
                "2026-11-25T20:00:00.000+08:00", "2026-11-25T20:31:00.000+08:00", "minute", 0, 8)),
        found(SHANGHAI, "今晚8点至8点半"));
    assertEquals(
        List.of(
            interval(
                "2026-11-25T18:00:00.000+08:00", "2026-11-26T00:00:00.000+08:00", "hour", 0, 2)),
        found(SHANGHAI, "今晚"));
    assertEquals(
        List.of(
            interval(
                "2026-11-26T12:00:00.000+08:00", "2026-11-26T19:00:00.000+08:00", "hour", 0, 4)),
        found(SHANGHAI, "明天下午"));
    String weekend =
        interval("2026-11-27T18:00:00.000+08:00", "2026-11-30T00:00:00.000+08:00", "hour", 0, 2);
    assertEquals(List.of(weekend), found(SHANGHAI, "周末"));
    assertEquals(List.of(weekend.replace("@0-2", "@0-4")), found(SHANGHAI, "这个周末"));
  }

  @Test
  void chineseClockTimesAndOpenIntervals() {
    assertEquals(
        List.of(time("2026-11-25T15:15:00.000+00:00", "minute", 0, 4)), found(UTC, "三点一刻"));
    assertEquals(
        List.of(time("2026-11-25T17:55:00.000+00:00", "minute", 0, 5)), found(UTC, "差五分六点"));
    assertEquals(
        List.of(time("2026-11-25T15:15:00.000+00:00", "minute", 0, 6)), found(UTC, "下午三点十五"));
    assertEquals(List.of(time("2026-11-25T17:30:00.000+00:00", "minute", 0, 3)), found(UTC, "五点半"));
    assertEquals(
        List.of(open("from", "2026-11-25T17:00:00.000+00:00", "hour", 0, 6)), found(UTC, "下午五点以后"));
    assertEquals(
        List.of(open("to", "2026-11-25T12:00:00.000+00:00", "hour", 0, 4)), found(UTC, "中午之前"));
  }
}
