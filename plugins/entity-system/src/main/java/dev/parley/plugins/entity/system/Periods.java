package dev.parley.plugins.entity.system;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * Duckling's "next 3 days", "last 2 weeks" ("下三天", "上两周"): whole units next to the current one,
 * which is left out. "next 3 days" on a Wednesday is Thursday 00:00 to Sunday 00:00; "last 2 weeks"
 * is Monday two weeks ago to this Monday; "next 3 hours" at 10:20 is 11:00 to 14:00. The grain is
 * the unit.
 */
final class Periods {

  private Periods() {}

  static Map<String, Object> nextOrLast(
      ZonedDateTime now, long amount, ChronoUnit unit, boolean next) {
    ZonedDateTime current = startOf(now, unit);
    ZonedDateTime from = next ? current.plus(1, unit) : current.minus(amount, unit);
    ZonedDateTime to = next ? current.plus(amount + 1, unit) : current;
    String name = unit.name().toLowerCase(Locale.ROOT);
    return TimeValues.interval(from, to, name.substring(0, name.length() - 1));
  }

  /** The start of the unit (second, minute, hour, day, week from Monday, month, year) now is in. */
  private static ZonedDateTime startOf(ZonedDateTime now, ChronoUnit unit) {
    return switch (unit) {
      case SECONDS, MINUTES, HOURS, DAYS -> now.truncatedTo(unit);
      case WEEKS ->
          now.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTHS -> now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      default -> now.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
    };
  }
}
