package dev.parley.plugins.entity.system;

import static dev.parley.plugins.entity.system.DucklingEntityExtractorTest.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.plugin.nlu.EntityExtractor;
import java.util.List;

/**
 * Expected time entities written as the Duckling tests compare them ({@code "time=<value
 * object>@start-end"}), and the assertion they all make.
 */
final class ExpectedTimes {

  private ExpectedTimes() {}

  /** Asserts that {@code text} yields exactly the {@code expected} entities, in text order. */
  static void assertFinds(EntityExtractor extractor, String text, String... expected) {
    assertEquals(List.of(expected), found(extractor, text), text);
  }

  /** A closed interval, {@code to} exclusive, both ends of one grain. */
  static String interval(String from, String to, String grain, int start, int end) {
    return interval(from, grain, to, grain, start, end);
  }

  /** A closed interval whose ends carry their own grains. */
  static String interval(
      String from, String fromGrain, String to, String toGrain, int start, int end) {
    String single =
        "{type=interval, from={value="
            + from
            + ", grain="
            + fromGrain
            + "}, to={value="
            + to
            + ", grain="
            + toGrain
            + "}}";
    return withValues(single, start, end);
  }

  /** An open interval: {@code side} is "from" (after) or "to" (before). */
  static String open(String side, String value, String grain, int start, int end) {
    return withValues(
        "{type=interval, " + side + "={value=" + value + ", grain=" + grain + "}}", start, end);
  }

  /** A point in time. */
  static String time(String value, String grain, int start, int end) {
    return "time={value=" + value + ", grain=" + grain + ", type=value}@" + start + "-" + end;
  }

  /** A holiday: its day, and its name in Duckling's {@code holidayBeta}. */
  static String holiday(String value, String name, int start, int end) {
    return "time={value="
        + value
        + ", grain=day, type=value, holidayBeta="
        + name
        + "}@"
        + start
        + "-"
        + end;
  }

  private static String withValues(String single, int start, int end) {
    return "time="
        + single.substring(0, single.length() - 1)
        + ", values=["
        + single
        + "]}@"
        + start
        + "-"
        + end;
  }
}
