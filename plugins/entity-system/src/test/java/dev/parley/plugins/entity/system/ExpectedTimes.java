package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.EntityExtractor;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected time entities written as the Duckling tests compare them ({@code "time=<value
 * object>@start-end"}), and the assertion they all make.
 */
final class ExpectedTimes {

  private static final DateTimeFormatter DUCKLING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private ExpectedTimes() {}

  /** "2026-11-25T15:00" in UTC, as Duckling writes it. */
  static String utc(String dateTime) {
    return dateTime + ":00.000+00:00";
  }

  /** "2026-11-25T15:00" in Shanghai, as Duckling writes it. */
  static String shanghai(String dateTime) {
    return dateTime + ":00.000+08:00";
  }

  /** A time as Duckling writes it and the same time on the next two days. */
  static String[] threeDays(String time) {
    OffsetDateTime first = OffsetDateTime.parse(time);
    return new String[] {
      time, DUCKLING.format(first.plusDays(1)), DUCKLING.format(first.plusDays(2))
    };
  }

  /** The same interval on three days in a row, from the given one ("from 3pm to 5pm"). */
  static String daily(String from, String to, String grain, int start, int end) {
    String[] froms = threeDays(from);
    String[] tos = threeDays(to);
    return intervals(grain, start, end, froms[0], tos[0], froms[1], tos[1], froms[2], tos[2]);
  }

  /** Asserts that {@code text} yields exactly the {@code expected} entities, in text order. */
  static void assertFinds(EntityExtractor extractor, String text, String... expected) {
    assertEquals(List.of(expected), found(extractor, text), text);
  }

  /** A closed interval, {@code to} exclusive, both ends of one grain; its only value. */
  static String interval(String from, String to, String grain, int start, int end) {
    return interval(from, grain, to, grain, start, end);
  }

  /** A closed interval whose ends carry their own grains; its only value. */
  static String interval(
      String from, String fromGrain, String to, String toGrain, int start, int end) {
    String single = span(from, fromGrain, to, toGrain);
    return entity(single, List.of(single), start, end);
  }

  /**
   * Closed intervals of one grain that recur ("from 3pm to 5pm", "monday to wednesday"): {@code
   * fromsAndTos} are the {@code from} and {@code to} of each value in turn; the first is the value.
   */
  static String intervals(String grain, int start, int end, String... fromsAndTos) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i + 1 < fromsAndTos.length; i += 2) {
      values.add(span(fromsAndTos[i], grain, fromsAndTos[i + 1], grain));
    }
    return entity(values.get(0), values, start, end);
  }

  /** An open interval bounded by one time: {@code side} is "from" (after) or "to" (before). */
  static String open(String side, String value, String grain, int start, int end) {
    return opens(side, grain, start, end, value);
  }

  /** An open interval bounded by a time that recurs: one open interval for each of its values. */
  static String opens(String side, String grain, int start, int end, String... bounds) {
    List<String> values = new ArrayList<>();
    for (String bound : bounds) {
      values.add("{type=interval, " + side + "={value=" + bound + ", grain=" + grain + "}}");
    }
    return entity(values.get(0), values, start, end);
  }

  /** A point in time that names one time only ("tomorrow", "in 2 hours"). */
  static String time(String value, String grain, int start, int end) {
    return times(grain, start, end, value);
  }

  /**
   * A point in time that recurs ("at 5", "monday"): its first three times; the first is the value.
   */
  static String times(String grain, int start, int end, String... values) {
    return timesValued(values[0], grain, start, end, values);
  }

  /**
   * A recurring point whose value is not its first time: Duckling's "wednesday" said on a Wednesday
   * is next week's, though today is the first of its values.
   */
  static String timesValued(String value, String grain, int start, int end, String... values) {
    List<String> points = new ArrayList<>();
    for (String v : values) {
      points.add(point(v, grain));
    }
    return entity(point(value, grain), points, start, end);
  }

  /** A holiday: its next three days, and its name in Duckling's {@code holidayBeta}. */
  static String holiday(String name, int start, int end, String... days) {
    return times("day", start, end, days).replace("]}@", "], holidayBeta=" + name + "}@");
  }

  private static String point(String value, String grain) {
    return "{value=" + value + ", grain=" + grain + ", type=value}";
  }

  private static String span(String from, String fromGrain, String to, String toGrain) {
    return "{type=interval, from={value="
        + from
        + ", grain="
        + fromGrain
        + "}, to={value="
        + to
        + ", grain="
        + toGrain
        + "}}";
  }

  private static String entity(String value, List<String> values, int start, int end) {
    return "time="
        + value.substring(0, value.length() - 1)
        + ", values="
        + values
        + "}@"
        + start
        + "-"
        + end;
  }
}
