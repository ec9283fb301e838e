package dev.parley.plugins.entity.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pieces a time expression is made of, and how they combine: a day ("tomorrow", "下周一"), maybe
 * narrowed to a part of it ("tomorrow evening", "明天下午"), a clock time ("at 5pm", "下午五点"), a range
 * of clock times ("3-5pm", "三点到五点"). A day directly followed (or preceded) by a clock time or a
 * range becomes one time entity.
 *
 * <p>Intervals have Duckling's shape: {@code {"type": "interval", "from": {"value", "grain"}, "to":
 * {"value", "grain"}, "values": [...]}}. As in Duckling, {@code to} is exclusive: the end of the
 * last hour or minute named ("from 3 to 5pm" ends at 18:00, "9:30-11:00" at 11:01); parts of the
 * day and weekends end where they stop ("tonight" is 18:00 to 00:00).
 */
final class TimeParts {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private TimeParts() {}

  /** A part of the day, with Duckling's hours; {@code pm} when "at 5" in it means 17:00. */
  enum PartOfDay {
    WHOLE_DAY(0, 24, false),
    MORNING(4, 12, false),
    AFTERNOON(12, 19, true),
    EVENING(18, 24, true);

    final int fromHour;
    final int toHour;
    final boolean pm;

    PartOfDay(int fromHour, int toHour, boolean pm) {
      this.fromHour = fromHour;
      this.toHour = toHour;
      this.pm = pm;
    }
  }

  /** A day, week, month or year; for a day, maybe only a part of it ("tonight", "明天下午"). */
  record Day(int start, int end, LocalDate date, String grain, PartOfDay part) {

    Day(int start, int end, LocalDate date, String grain) {
      this(start, end, date, grain, PartOfDay.WHOLE_DAY);
    }

    Day narrowedTo(PartOfDay newPart, int newStart, int newEnd) {
      return new Day(newStart, newEnd, date, grain, newPart);
    }
  }

  /**
   * A time of day; {@code ambiguous} when "5" could be 05:00 or 17:00.
   *
   * @param grain {@code hour} or {@code minute}
   */
  record Clock(int start, int end, int hour, int minute, boolean ambiguous, String grain) {

    int minuteOfDay() {
      return hour * 60 + minute;
    }
  }

  /** Two clock times with "to", "-", "到" … between them. */
  record Range(int start, int end, Clock from, Clock to) {}

  /** Duckling's time value object. */
  static Map<String, Object> value(ZonedDateTime time, String grain) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", format(time));
    value.put("grain", grain);
    value.put("type", "value");
    return value;
  }

  /**
   * "in 2 hours", "3 days ago": now, rounded as Duckling rounds it (to the grain below the unit:
   * hours to the minute, days to the hour, weeks and months to the day, years to the month), moved
   * by {@code amount} units.
   */
  static Map<String, Object> shifted(ZonedDateTime now, long amount, ChronoUnit unit) {
    ChronoUnit grain =
        switch (unit) {
          case SECONDS, MINUTES -> ChronoUnit.SECONDS;
          case HOURS -> ChronoUnit.MINUTES;
          case DAYS -> ChronoUnit.HOURS;
          case WEEKS, MONTHS -> ChronoUnit.DAYS;
          default -> ChronoUnit.MONTHS;
        };
    ZonedDateTime rounded =
        grain == ChronoUnit.MONTHS
            ? now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
            : now.truncatedTo(grain);
    String name = grain.name().toLowerCase(Locale.ROOT);
    return value(rounded.plus(amount, unit), name.substring(0, name.length() - 1));
  }

  /** Duckling's value object for an interval, {@code to} exclusive. */
  static Map<String, Object> interval(ZonedDateTime from, ZonedDateTime to, String grain) {
    Map<String, Object> single = new LinkedHashMap<>();
    single.put("type", "interval");
    single.put("from", instant(from, grain));
    single.put("to", instant(to, grain));
    return withValues(single);
  }

  /** Duckling's value object for an open interval: only {@code from} or only {@code to}. */
  static Map<String, Object> openInterval(String value, String grain, boolean after) {
    Map<String, Object> instant = new LinkedHashMap<>();
    instant.put("value", value);
    instant.put("grain", grain);
    Map<String, Object> single = new LinkedHashMap<>();
    single.put("type", "interval");
    single.put(after ? "from" : "to", instant);
    return withValues(single);
  }

  private static Map<String, Object> withValues(Map<String, Object> single) {
    Map<String, Object> value = new LinkedHashMap<>(single);
    value.put("values", List.of(single));
    return value;
  }

  private static Map<String, Object> instant(ZonedDateTime time, String grain) {
    Map<String, Object> instant = new LinkedHashMap<>();
    instant.put("value", format(time));
    instant.put("grain", grain);
    return instant;
  }

  private static String format(ZonedDateTime time) {
    return ISO.format(time.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Joins days, clock times and ranges that touch (only {@code glue} between them) into time
   * entities. Overlapping results are left for the caller (the longest wins).
   */
  static List<Found> combine(
      String text,
      List<Day> days,
      List<Clock> clocks,
      List<Range> ranges,
      ZonedDateTime now,
      Pattern glue) {
    List<Found> found = new ArrayList<>();
    for (Day day : days) {
      Optional<Clock> clock =
          day.grain().equals("day") ? touching(text, day, clocks, glue) : Optional.empty();
      if (clock.isPresent()) {
        Clock c = clock.get();
        int hour = c.ambiguous() && day.part().pm && c.hour() < 12 ? c.hour() + 12 : c.hour();
        ZonedDateTime time = day.date().atTime(hour % 24, c.minute()).atZone(now.getZone());
        found.add(
            new Found(
                "time",
                Math.min(day.start(), c.start()),
                Math.max(day.end(), c.end()),
                value(time, c.grain())));
      }
      if (day.part() != PartOfDay.WHOLE_DAY) {
        ZonedDateTime start = day.date().atTime(day.part().fromHour, 0).atZone(now.getZone());
        ZonedDateTime end = start.plusHours(day.part().toHour - day.part().fromHour);
        found.add(new Found("time", day.start(), day.end(), interval(start, end, "hour")));
      } else {
        found.add(
            new Found(
                "time",
                day.start(),
                day.end(),
                value(day.date().atStartOfDay(now.getZone()), day.grain())));
      }
      if (day.grain().equals("day")) {
        for (Range range : ranges) {
          if (touches(text, day.start(), day.end(), range.start(), range.end(), glue)) {
            found.add(
                rangeFound(
                    range,
                    Optional.of(day),
                    Math.min(day.start(), range.start()),
                    Math.max(day.end(), range.end()),
                    now));
          }
        }
      }
    }
    for (Clock clock : clocks) {
      found.add(
          new Found("time", clock.start(), clock.end(), value(next(clock, now), clock.grain())));
    }
    for (Range range : ranges) {
      found.add(rangeFound(range, Optional.empty(), range.start(), range.end(), now));
    }
    return found;
  }

  private static Optional<Clock> touching(String text, Day day, List<Clock> clocks, Pattern glue) {
    Optional<Clock> after =
        clocks.stream()
            .filter(
                c ->
                    c.start() >= day.end()
                        && glue.matcher(text.substring(day.end(), c.start())).matches())
            .min(Comparator.comparingInt(Clock::start));
    Optional<Clock> before =
        clocks.stream()
            .filter(
                c ->
                    c.end() <= day.start()
                        && glue.matcher(text.substring(c.end(), day.start())).matches())
            .max(Comparator.comparingInt(Clock::end));
    return after.or(() -> before);
  }

  private static boolean touches(
      String text, int start1, int end1, int start2, int end2, Pattern glue) {
    if (start2 >= end1) {
      return glue.matcher(text.substring(end1, start2)).matches();
    }
    return end2 <= start1 && glue.matcher(text.substring(end2, start1)).matches();
  }

  /** A range as an interval on the given day, or on the next day on which it is not over. */
  private static Found rangeFound(
      Range range, Optional<Day> day, int start, int end, ZonedDateTime now) {
    boolean pm = day.map(d -> d.part().pm).orElse(false);
    List<Integer> fromOptions = options(range.from(), pm);
    List<Integer> toOptions = options(range.to(), pm);
    LocalDate date = day.map(Day::date).orElse(now.toLocalDate());
    int last = range.to().grain().equals("minute") ? 1 : 60;
    ZonedDateTime today = date.atStartOfDay(now.getZone());
    int from;
    if (range.from().ambiguous() && !range.to().ambiguous()) {
      int to = toOptions.get(0);
      from =
          fromOptions.stream().filter(f -> f < to).max(Integer::compare).orElse(fromOptions.get(0));
    } else if (range.from().ambiguous() && day.isEmpty()) {
      from =
          fromOptions.stream()
              .filter(f -> today.plusMinutes(end(f, toOptions) + last).isAfter(now))
              .findFirst()
              .orElse(fromOptions.get(0));
    } else {
      from = fromOptions.get(0);
    }
    int to = end(from, toOptions);
    String grain =
        range.from().grain().equals("minute") || range.to().grain().equals("minute")
            ? "minute"
            : "hour";
    ZonedDateTime midnight = today;
    if (day.isEmpty() && !midnight.plusMinutes(to + last).isAfter(now)) {
      midnight = midnight.plusDays(1);
    }
    return new Found(
        "time",
        start,
        end,
        interval(midnight.plusMinutes(from), midnight.plusMinutes(to + last), grain));
  }

  /** The first of the minutes {@code to} can mean after {@code from} (on the next day if none). */
  private static int end(int from, List<Integer> toOptions) {
    return toOptions.stream().filter(t -> t > from).findFirst().orElse(toOptions.get(0) + 24 * 60);
  }

  /** The minutes of the day a clock time can mean, earliest first. */
  private static List<Integer> options(Clock clock, boolean pm) {
    int minute = clock.minuteOfDay();
    if (!clock.ambiguous() || clock.hour() > 12) {
      return List.of(minute);
    }
    int am = (clock.hour() % 12) * 60 + clock.minute();
    return pm ? List.of(am + 12 * 60) : List.of(am, am + 12 * 60);
  }

  /**
   * Open intervals ("after 5pm", "before noon", "五点以后"): a clock time (with or without a day) that
   * {@code isAfter} or {@code isBefore} says is only a bound.
   */
  static List<Found> openIntervals(List<Found> times, OpenBound bound) {
    List<Found> open = new ArrayList<>();
    for (Found time : times) {
      if (!(time.value() instanceof Map<?, ?> value)
          || !"value".equals(value.get("type"))
          || !List.of("hour", "minute").contains(value.get("grain"))) {
        continue;
      }
      bound
          .find(time)
          .ifPresent(
              b ->
                  open.add(
                      new Found(
                          "time",
                          b.start(),
                          b.end(),
                          openInterval(
                              (String) value.get("value"),
                              (String) value.get("grain"),
                              b.after()))));
    }
    return open;
  }

  /** The words around a time that make it an open bound, with the span they extend it to. */
  interface OpenBound {
    Optional<Bound> find(Found time);
  }

  /** A bound found by {@link OpenBound}: the new span and which side is open. */
  record Bound(int start, int end, boolean after) {}

  /**
   * The weekend ({@code step} weeks from this one): Friday 18:00 to Monday 00:00, as in Duckling.
   */
  static Map<String, Object> weekend(ZonedDateTime now, int step) {
    ZonedDateTime monday =
        now.toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .plusWeeks(step)
            .atStartOfDay(now.getZone());
    return interval(monday.plusDays(4).plusHours(18), monday.plusDays(7), "hour");
  }

  /** The next time the clock shows this time (either half of the day when ambiguous). */
  private static ZonedDateTime next(Clock clock, ZonedDateTime now) {
    ZonedDateTime candidate =
        now.truncatedTo(ChronoUnit.DAYS).withHour(clock.hour() % 24).withMinute(clock.minute());
    List<ZonedDateTime> options = new ArrayList<>(List.of(candidate, candidate.plusDays(1)));
    if (clock.ambiguous() && clock.hour() < 12) {
      options.add(candidate.plusHours(12));
    }
    return options.stream()
        .filter(t -> t.isAfter(now))
        .min(Comparator.naturalOrder())
        .orElse(candidate.plusDays(1));
  }
}
