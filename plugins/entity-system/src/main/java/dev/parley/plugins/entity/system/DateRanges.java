package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Day;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranges of whole days ("from July 13 to July 15", "between monday and wednesday", "周一到周三",
 * "6月12号到7月3号") as Duckling's day intervals: from the first day to the start of the day after the
 * last one, grain {@code day}.
 */
final class DateRanges {

  private final Pattern connector;
  private final Pattern opening;

  /**
   * @param connector what may stand between the two days, e.g. "to", "-", "到" (the whole gap must
   *     match; a group named {@code and} marks a connector that needs {@code opening} "between")
   * @param opening what may stand right before the first day ("from", "between", "从"), ending at
   *     the end of its input; a group named {@code between} marks "between"
   */
  DateRanges(Pattern connector, Pattern opening) {
    this.connector = connector;
    this.opening = opening;
  }

  /** The ranges formed by consecutive whole days in {@code days}. */
  List<Found> find(String text, List<Day> days, LocalDate today, ZoneId zone) {
    List<Day> whole =
        days.stream().filter(Day::wholeDay).sorted(Comparator.comparingInt(Day::start)).toList();
    List<Found> found = new ArrayList<>();
    for (Day first : whole) {
      for (Day second : whole) {
        if (second.start() < first.end()) {
          continue;
        }
        Matcher gap = connector.matcher(text.substring(first.end(), second.start()));
        if (!gap.matches()) {
          continue;
        }
        Matcher before = opening.matcher(text.substring(0, first.start()));
        boolean opened = before.find();
        boolean between = opened && before.group("between") != null;
        if (gap.group("and") != null != between) {
          continue;
        }
        int start = opened ? before.start() : first.start();
        span(first, second, today)
            .ifPresent(
                range ->
                    found.add(
                        new Found(
                            "time", start, second.end(), interval(range[0], range[1], zone))));
      }
    }
    return found;
  }

  /**
   * The first and last day of a range. Two weekdays name the next range of them (starting today if
   * today is the first: Duckling looks for the first day from now, then for the second from it).
   */
  private static Optional<LocalDate[]> span(Day first, Day second, LocalDate today) {
    if (first.weekday() && second.weekday()) {
      LocalDate from = today.with(TemporalAdjusters.nextOrSame(first.date().getDayOfWeek()));
      LocalDate to = from.with(TemporalAdjusters.nextOrSame(second.date().getDayOfWeek()));
      return Optional.of(new LocalDate[] {from, to});
    }
    if (second.date().isBefore(first.date())) {
      return Optional.empty();
    }
    return Optional.of(new LocalDate[] {first.date(), second.date()});
  }

  /** Duckling's day interval from {@code first} to the end of {@code last}. */
  static Map<String, Object> interval(LocalDate first, LocalDate last, ZoneId zone) {
    return TimeValues.interval(
        first.atStartOfDay(zone), last.plusDays(1).atStartOfDay(zone), "day");
  }
}
