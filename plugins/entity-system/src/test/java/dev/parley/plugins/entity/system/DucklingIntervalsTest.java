package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.extractor;
import static dev.parley.plugins.entity.system.ExpectedTimes.assertFinds;
import static dev.parley.plugins.entity.system.ExpectedTimes.daily;
import static dev.parley.plugins.entity.system.ExpectedTimes.interval;
import static dev.parley.plugins.entity.system.ExpectedTimes.intervals;
import static dev.parley.plugins.entity.system.ExpectedTimes.opens;
import static dev.parley.plugins.entity.system.ExpectedTimes.shanghai;
import static dev.parley.plugins.entity.system.ExpectedTimes.threeDays;
import static dev.parley.plugins.entity.system.ExpectedTimes.time;
import static dev.parley.plugins.entity.system.ExpectedTimes.times;
import static dev.parley.plugins.entity.system.ExpectedTimes.utc;

import dev.parley.plugin.nlu.EntityExtractor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time intervals in Duckling's shape and clock times in words, with "now" fixed at Wednesday
 * 2026-11-25 10:00 UTC (18:00 in Shanghai). As in Duckling, {@code to} is the exclusive end of the
 * last hour or minute named, and a time without a day lists its next three occurrences as values (a
 * clock time without am/pm both halves of the day).
 */
class DucklingIntervalsTest {

  private static final EntityExtractor UTC = extractor(Map.of());
  private static final EntityExtractor SHANGHAI = extractor(Map.of("timezone", "Asia/Shanghai"));

  @Test
  void englishClockRangesEndAfterTheLastHourNamedAndRecurDaily() {
    String from = utc("2026-11-25T15:00");
    String to = utc("2026-11-25T18:00");
    assertFinds(UTC, "from 3pm to 5pm", daily(from, to, "hour", 0, 15));
    assertFinds(UTC, "from 3 to 5pm", daily(from, to, "hour", 0, 13));
    assertFinds(UTC, "between 3 and 5 pm", daily(from, to, "hour", 0, 18));
    assertFinds(UTC, "free 3-5pm", daily(from, to, "hour", 5, 10));
    assertFinds(
        UTC, "11-1pm", daily(utc("2026-11-25T11:00"), utc("2026-11-25T14:00"), "hour", 0, 6));
    assertFinds(
        UTC, "8am until 6", daily(utc("2026-11-25T08:00"), utc("2026-11-25T19:00"), "hour", 0, 11));
  }

  @Test
  void englishRangesWithMinutesOrADay() {
    assertFinds(
        UTC,
        "between 9:30 and 11:00 on thursday",
        intervals(
            "minute",
            0,
            34,
            utc("2026-11-26T09:30"),
            utc("2026-11-26T11:01"),
            utc("2026-12-03T09:30"),
            utc("2026-12-03T11:01"),
            utc("2026-12-10T09:30"),
            utc("2026-12-10T11:01")));
    assertFinds(
        UTC,
        "tomorrow from 3 to 5pm",
        interval(utc("2026-11-26T15:00"), utc("2026-11-26T18:00"), "hour", 0, 22));
    assertFinds(
        UTC,
        "3:30-6 p.m.",
        daily(utc("2026-11-25T15:30"), utc("2026-11-25T19:00"), "minute", 0, 11));
    assertFinds(
        UTC,
        "from 10pm to 2am",
        daily(utc("2026-11-25T22:00"), utc("2026-11-26T03:00"), "hour", 0, 16));
  }

  @Test
  void rangesNeedAClockMark() {
    assertFinds(UTC, "it takes 3 to 5", "number=3@9-10", "number=5@14-15");
    assertFinds(UTC, "11-26", "number=11@0-2", "number=26@3-5");
  }

  @Test
  void englishPartsOfTheDayAndWeekendsOfOneDayHaveOneValue() {
    assertFinds(
        UTC, "tonight", interval(utc("2026-11-25T18:00"), utc("2026-11-26T00:00"), "hour", 0, 7));
    assertFinds(
        UTC,
        "last night",
        interval(utc("2026-11-24T18:00"), utc("2026-11-25T00:00"), "hour", 0, 10));
    assertFinds(
        UTC,
        "this afternoon",
        interval(utc("2026-11-25T12:00"), utc("2026-11-25T19:00"), "hour", 0, 14));
    assertFinds(
        UTC,
        "tomorrow morning",
        interval(utc("2026-11-26T04:00"), utc("2026-11-26T12:00"), "hour", 0, 16));
    assertFinds(
        UTC,
        "see this weekend",
        interval(utc("2026-11-27T18:00"), utc("2026-11-30T00:00"), "hour", 4, 16));
    assertFinds(
        UTC,
        "next weekend",
        interval(utc("2026-12-04T18:00"), utc("2026-12-07T00:00"), "hour", 0, 12));
    assertFinds(
        UTC,
        "monday morning",
        intervals(
            "hour",
            0,
            14,
            utc("2026-11-30T04:00"),
            utc("2026-11-30T12:00"),
            utc("2026-12-07T04:00"),
            utc("2026-12-07T12:00"),
            utc("2026-12-14T04:00"),
            utc("2026-12-14T12:00")));
  }

  @Test
  void aClockTimeInAPartOfTheDayIsOneTime() {
    assertFinds(UTC, "tomorrow afternoon at 5", time(utc("2026-11-26T17:00"), "hour", 0, 23));
    assertFinds(UTC, "at 8 in the evening", time(utc("2026-11-25T20:00"), "hour", 0, 19));
  }

  @Test
  void aDayWithAClockTimeWithoutAmOrPmHasBothHalvesOfTheDay() {
    assertFinds(
        UTC,
        "tomorrow at seven thirty",
        times("minute", 0, 24, utc("2026-11-26T07:30"), utc("2026-11-26T19:30")));
    assertFinds(
        UTC,
        "friday at 5pm",
        times(
            "hour",
            0,
            13,
            utc("2026-11-27T17:00"),
            utc("2026-12-04T17:00"),
            utc("2026-12-11T17:00")));
  }

  @Test
  void openIntervalsHaveOnlyFromOrToForEachValue() {
    assertFinds(UTC, "after 5pm", opens("from", "hour", 0, 9, threeDays(utc("2026-11-25T17:00"))));
    assertFinds(UTC, "before noon", opens("to", "hour", 0, 11, threeDays(utc("2026-11-25T12:00"))));
    assertFinds(
        UTC, "until 2:00pm", opens("to", "minute", 0, 12, threeDays(utc("2026-11-25T14:00"))));
  }

  @Test
  void clockTimesCountFromTheCurrentHourAsInDuckling() {
    assertFinds(
        UTC,
        "at 10",
        times(
            "hour",
            0,
            5,
            utc("2026-11-25T10:00"),
            utc("2026-11-25T22:00"),
            utc("2026-11-26T10:00")));
    assertFinds(
        UTC,
        "at 9:15",
        times(
            "minute",
            0,
            7,
            utc("2026-11-25T21:15"),
            utc("2026-11-26T09:15"),
            utc("2026-11-26T21:15")));
  }

  @Test
  void englishClockTimesInWords() {
    assertFinds(
        UTC,
        "meet at five",
        times(
            "hour",
            5,
            12,
            utc("2026-11-25T17:00"),
            utc("2026-11-26T05:00"),
            utc("2026-11-26T17:00")));
    assertFinds(UTC, "five pm", times("hour", 0, 7, threeDays(utc("2026-11-25T17:00"))));
    assertFinds(
        UTC,
        "half past four",
        times(
            "minute",
            0,
            14,
            utc("2026-11-25T16:30"),
            utc("2026-11-26T04:30"),
            utc("2026-11-26T16:30")));
    assertFinds(
        UTC,
        "quarter to six",
        times(
            "minute",
            0,
            14,
            utc("2026-11-25T17:45"),
            utc("2026-11-26T05:45"),
            utc("2026-11-26T17:45")));
    assertFinds(UTC, "twenty past 3pm", times("minute", 0, 15, threeDays(utc("2026-11-25T15:20"))));
    assertFinds(UTC, "leave at 838 am", times("minute", 6, 15, threeDays(utc("2026-11-26T08:38"))));
    assertFinds(UTC, "at 2026", "number=2026@3-7");
  }

  @Test
  void numberWordsAloneAreNoTimes() {
    assertFinds(UTC, "look at one of them", "number=1@8-11");
    assertFinds(UTC, "three twenty", "number=3@0-5", "number=20@6-12");
  }

  @Test
  void chineseRangesPartsOfTheDayAndWeekends() {
    assertFinds(
        UTC, "下午三点到五点", daily(utc("2026-11-25T15:00"), utc("2026-11-25T18:00"), "hour", 0, 7));
    assertFinds(
        SHANGHAI,
        "明天下午三点到五点",
        interval(shanghai("2026-11-26T15:00"), shanghai("2026-11-26T18:00"), "hour", 0, 9));
    assertFinds(
        SHANGHAI,
        "今晚8点至8点半",
        interval(shanghai("2026-11-25T20:00"), shanghai("2026-11-25T20:31"), "minute", 0, 8));
    assertFinds(
        SHANGHAI,
        "今晚",
        interval(shanghai("2026-11-25T18:00"), shanghai("2026-11-26T00:00"), "hour", 0, 2));
    assertFinds(
        SHANGHAI,
        "明天下午",
        interval(shanghai("2026-11-26T12:00"), shanghai("2026-11-26T19:00"), "hour", 0, 4));
    String weekend =
        interval(shanghai("2026-11-27T18:00"), shanghai("2026-11-30T00:00"), "hour", 0, 2);
    assertFinds(SHANGHAI, "周末", weekend);
    assertFinds(SHANGHAI, "这个周末", weekend.replace("@0-2", "@0-4"));
  }

  @Test
  void chineseClockTimesAndOpenIntervals() {
    assertFinds(
        UTC,
        "三点一刻",
        times(
            "minute",
            0,
            4,
            utc("2026-11-25T15:15"),
            utc("2026-11-26T03:15"),
            utc("2026-11-26T15:15")));
    assertFinds(
        UTC,
        "差五分六点",
        times(
            "minute",
            0,
            5,
            utc("2026-11-25T17:55"),
            utc("2026-11-26T05:55"),
            utc("2026-11-26T17:55")));
    assertFinds(UTC, "下午三点十五", times("minute", 0, 6, threeDays(utc("2026-11-25T15:15"))));
    assertFinds(
        UTC,
        "五点半",
        times(
            "minute",
            0,
            3,
            utc("2026-11-25T17:30"),
            utc("2026-11-26T05:30"),
            utc("2026-11-26T17:30")));
    assertFinds(UTC, "下午五点以后", opens("from", "hour", 0, 6, threeDays(utc("2026-11-25T17:00"))));
    assertFinds(UTC, "中午之前", opens("to", "hour", 0, 4, threeDays(utc("2026-11-25T12:00"))));
  }
}
