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
        List<LocalDate[]> spans = spans(first, second, today);
        if (!spans.isEmpty()) {
          found.add(new Found("time", start, second.end(), value(spans, zone)));
        }
      }
    }
    return found;
  }

  /**
   * The first and last days of the ranges two days can mean, soonest first. Two weekdays name the
   * next range of them (starting today if today is the first: Duckling looks for the first day from
   * now, then for the second from it) and the two after it; two days of the year, this year's range
   * unless it is over, and the next two years'.
   */
  private static List<LocalDate[]> spans(Day first, Day second, LocalDate today) {
    if (first.weekday() && second.weekday()) {
      LocalDate from = today.with(TemporalAdjusters.nextOrSame(first.date().getDayOfWeek()));
      LocalDate to = from.with(TemporalAdjusters.nextOrSame(second.date().getDayOfWeek()));
      List<LocalDate[]> spans = new ArrayList<>();
      for (int week = 0; week < 3; week++) {
        spans.add(new LocalDate[] {from.plusWeeks(week), to.plusWeeks(week)});
      }
      return spans;
    }
    if (first.annual().isPresent() && second.annual().isPresent()) {
      return yearly(first.annual().get(), second.annual().get(), today);
    }
    if (second.date().isBefore(first.date())) {
      return List.of();
    }
    return List.<LocalDate[]>of(new LocalDate[] {first.date(), second.date()});
  }

  /** A range of days and the same range in the next two years. */
  static List<LocalDate[]> yearly(LocalDate first, LocalDate last) {
    List<LocalDate[]> spans = new ArrayList<>();
    for (int year = 0; year < 3; year++) {
      spans.add(new LocalDate[] {first.plusYears(year), last.plusYears(year)});
    }
    return spans;
  }

  /**
   * The ranges from one yearly day to the next other one ("from christmas to new year's day"): this
   * year's unless it is over, and the next two years'.
   */
  private static List<LocalDate[]> yearly(AnnualDate first, AnnualDate last, LocalDate today) {
    List<LocalDate[]> spans = new ArrayList<>();
    for (int year = today.getYear();
        spans.size() < 3 && year <= today.getYear() + AnnualDate.YEARS_AHEAD;
        year++) {
      Optional<LocalDate> from = first.in(year);
      Optional<LocalDate> to =
          from.flatMap(
              f ->
                  last.in(f.getYear())
                      .filter(t -> !t.isBefore(f))
                      .or(() -> last.in(f.getYear() + 1)));
      if (from.isPresent() && to.isPresent() && !to.get().isBefore(today)) {
        spans.add(new LocalDate[] {from.get(), to.get()});
      }
    }
    return spans;
  }

  /**
   * Duckling's value object for ranges of days: each from its first day to the start of the day
   * after its last one, grain {@code day}; the value is the first.
   */
  static Map<String, Object> value(List<LocalDate[]> spans, ZoneId zone) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (LocalDate[] span : spans) {
      values.add(
          TimeValues.span(
              span[0].atStartOfDay(zone), span[1].plusDays(1).atStartOfDay(zone), "day"));
    }
    return TimeValues.of(values.get(0), values);
  }
}
