package dev.parley.plugins.entity.system;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pieces a time expression is made of, and how they combine: a day ("tomorrow", "下周一"), maybe
 * narrowed to a part of it ("tomorrow evening", "明天下午"), a clock time ("at 5pm", "下午五点"), a range
 * of clock times ("3-5pm", "三点到五点"). A day directly followed (or preceded) by a clock time or a
 * range becomes one time entity.
 *
 * <p>Ranges end, as in Duckling, after the last hour or minute named ("from 3 to 5pm" ends at
 * 18:00, "9:30-11:00" at 11:01); parts of the day end where they stop ("tonight" is 18:00 to
 * 00:00). Values are built by {@link TimeValues}, each with Duckling's {@code values}: the first
 * three times it can mean when it recurs ("at 5", "monday", "july 4th", "from 3pm to 5pm"), else
 * itself alone ("tomorrow at 5pm").
 */
final class TimeParts {

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

  /** How often a day comes back: once, every week ("monday"), every year ("july 4th"). */
  enum Recurrence {
    NONE,
    WEEKLY,
    YEARLY
  }

  /**
   * A day, week, month or year; for a day, maybe only a part of it ("tonight", "明天下午").
   *
   * @param date the day it means (for "monday" said on a Monday: next week's, as in Duckling)
   * @param recurrence how often it comes back, for Duckling's list of values
   * @param holiday the holiday's name, for Duckling's {@code holidayBeta}
   * @param annual the rule of a day that comes back every year, present exactly when {@code
   *     recurrence} is {@code YEARLY}
   */
  record Day(
      int start,
      int end,
      LocalDate date,
      String grain,
      PartOfDay part,
      Recurrence recurrence,
      Optional<String> holiday,
      Optional<AnnualDate> annual) {

    Day {
      if ((recurrence == Recurrence.YEARLY) != annual.isPresent()) {
        throw new IllegalArgumentException("a yearly day needs its annual rule, and only it");
      }
    }

    Day(int start, int end, LocalDate date, String grain, PartOfDay part) {
      this(start, end, date, grain, part, Recurrence.NONE, Optional.empty(), Optional.empty());
    }

    Day(int start, int end, LocalDate date, String grain) {
      this(start, end, date, grain, PartOfDay.WHOLE_DAY);
    }

    /** A day named by its weekday alone ("monday", "周一"). */
    static Day weekday(int start, int end, LocalDate date) {
      return new Day(
          start,
          end,
          date,
          "day",
          PartOfDay.WHOLE_DAY,
          Recurrence.WEEKLY,
          Optional.empty(),
          Optional.empty());
    }

    /** A day of the year named without its year ("july 4th", "6月12号"). */
    static Day yearly(int start, int end, LocalDate date) {
      return annual(start, end, date, AnnualDate.fixed(MonthDay.from(date)), Optional.empty());
    }

    /**
     * A day that comes back every year by a rule (a holiday: "thanksgiving", "春节"), with the
     * holiday's name when Duckling gives one.
     *
     * @param date its next day, today included
     */
    static Day annual(
        int start, int end, LocalDate date, AnnualDate rule, Optional<String> holiday) {
      return new Day(
          start,
          end,
          date,
          "day",
          PartOfDay.WHOLE_DAY,
          Recurrence.YEARLY,
          holiday,
          Optional.of(rule));
    }

    /** A day named once ("next christmas", "今年中秋节"), a holiday's when it is one. */
    static Day once(int start, int end, LocalDate date, Optional<String> holiday) {
      return new Day(
          start, end, date, "day", PartOfDay.WHOLE_DAY, Recurrence.NONE, holiday, Optional.empty());
    }

    boolean weekday() {
      return recurrence == Recurrence.WEEKLY;
    }

    boolean wholeDay() {
      return grain.equals("day") && part == PartOfDay.WHOLE_DAY;
    }

    Day narrowedTo(PartOfDay newPart, int newStart, int newEnd) {
      return new Day(newStart, newEnd, date, grain, newPart, recurrence, holiday, annual);
    }

    /**
     * The first three days it can mean from today on (today included, unlike {@link #date} for a
     * weekday), or only its day when it does not come back.
     */
    List<LocalDate> occurrences(LocalDate today) {
      return switch (recurrence) {
        case NONE -> List.of(date);
        case WEEKLY -> {
          LocalDate first = today.with(TemporalAdjusters.nextOrSame(date.getDayOfWeek()));
          yield List.of(first, first.plusWeeks(1), first.plusWeeks(2));
        }
        case YEARLY -> annual.orElseThrow().from(today, 3);
      };
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
    ZoneId zone = now.getZone();
    List<Found> found = new ArrayList<>();
    for (Day day : days) {
      List<LocalDate> dates =
          day.grain().equals("day") ? day.occurrences(now.toLocalDate()) : List.of(day.date());
      Optional<Clock> clock =
          day.grain().equals("day") ? touching(text, day, clocks, glue) : Optional.empty();
      if (clock.isPresent()) {
        Clock c = clock.get();
        List<Map<String, Object>> values = new ArrayList<>();
        for (LocalDate date : dates) {
          for (int hour : hoursOfTheDay(c, day.part())) {
            values.add(
                TimeValues.point(date.atTime(hour % 24, c.minute()).atZone(zone), c.grain()));
          }
        }
        found.add(
            new Found(
                "time",
                Math.min(day.start(), c.start()),
                Math.max(day.end(), c.end()),
                named(TimeValues.of(values.get(0), values), day)));
      }
      if (day.part() != PartOfDay.WHOLE_DAY) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (LocalDate date : dates) {
          ZonedDateTime start = date.atTime(day.part().fromHour, 0).atZone(zone);
          ZonedDateTime end = start.plusHours(day.part().toHour - day.part().fromHour);
          values.add(TimeValues.span(start, end, "hour"));
        }
        found.add(
            new Found(
                "time", day.start(), day.end(), named(TimeValues.of(values.get(0), values), day)));
      } else {
        List<Map<String, Object>> values = new ArrayList<>();
        for (LocalDate date : dates) {
          values.add(TimeValues.point(date.atStartOfDay(zone), day.grain()));
        }
        Map<String, Object> value = TimeValues.point(day.date().atStartOfDay(zone), day.grain());
        found.add(
            new Found("time", day.start(), day.end(), named(TimeValues.of(value, values), day)));
      }
      if (day.grain().equals("day")) {
        for (Range range : ranges) {
          if (touches(text, day.start(), day.end(), range.start(), range.end(), glue)) {
            List<Map<String, Object>> values = new ArrayList<>();
            for (LocalDate date : dates) {
              values.add(rangeSpan(range, Optional.of(day), date, now).single());
            }
            found.add(
                new Found(
                    "time",
                    Math.min(day.start(), range.start()),
                    Math.max(day.end(), range.end()),
                    TimeValues.of(values.get(0), values)));
          }
        }
      }
    }
    for (Clock clock : clocks) {
      List<Map<String, Object>> values =
          occurrences(clock, now).stream().map(t -> TimeValues.point(t, clock.grain())).toList();
      found.add(
          new Found("time", clock.start(), clock.end(), TimeValues.of(values.get(0), values)));
    }
    for (Range range : ranges) {
      Span first = rangeSpan(range, Optional.empty(), now.toLocalDate(), now);
      int step = range.from().ambiguous() && range.to().ambiguous() ? 12 : 24;
      List<Map<String, Object>> values =
          List.of(
              first.single(), first.plusHours(step).single(), first.plusHours(2 * step).single());
      found.add(
          new Found("time", range.start(), range.end(), TimeValues.of(values.get(0), values)));
    }
    return found;
  }

  /** The value with the day's holiday name, if it is a holiday. */
  private static Map<String, Object> named(Map<String, Object> value, Day day) {
    day.holiday().ifPresent(name -> value.put("holidayBeta", name));
    return value;
  }

  /** The hours of a day a clock time can mean: "5" both 05:00 and 17:00, but 17:00 at night. */
  private static List<Integer> hoursOfTheDay(Clock clock, PartOfDay part) {
    if (!clock.ambiguous() || clock.hour() >= 12) {
      return List.of(clock.hour());
    }
    return part.pm ? List.of(clock.hour() + 12) : List.of(clock.hour(), clock.hour() + 12);
  }

  /** An interval between two times, to be written as Duckling's {@code from}/{@code to}. */
  private record Span(ZonedDateTime from, ZonedDateTime to, String grain) {

    Map<String, Object> single() {
      return TimeValues.span(from, to, grain);
    }

    Span plusHours(int hours) {
      return new Span(from.plusHours(hours), to.plusHours(hours), grain);
    }
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

  /**
   * A range as an interval on the given date (a day's), or, without a day, on the next day on which
   * it is not over.
   */
  private static Span rangeSpan(Range range, Optional<Day> day, LocalDate date, ZonedDateTime now) {
    boolean pm = day.map(d -> d.part().pm).orElse(false);
    List<Integer> fromOptions = options(range.from(), pm);
    List<Integer> toOptions = options(range.to(), pm);
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
    return new Span(midnight.plusMinutes(from), midnight.plusMinutes(to + last), grain);
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
   * Open intervals ("after 5pm", "until friday", "五点以后", "周五之前"): a time that {@code bound} says is
   * only a bound; the bound keeps the time's value and grain, as in Duckling.
   */
  static List<Found> openIntervals(List<Found> times, OpenBound bound) {
    List<Found> open = new ArrayList<>();
    for (Found time : times) {
      if (!(time.value() instanceof Map<?, ?> value) || !"value".equals(value.get("type"))) {
        continue;
      }
      bound
          .find(time)
          .ifPresent(
              b ->
                  open.add(
                      new Found(
                          "time", b.start(), b.end(), TimeValues.openInterval(value, b.after()))));
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
   * The first three times the clock shows this time (either half of the day when ambiguous), from
   * the current hour on, as Duckling counts them: "at 10:15" said at 10:30 is 10:15 today.
   */
  private static List<ZonedDateTime> occurrences(Clock clock, ZonedDateTime now) {
    ZonedDateTime currentHour = now.truncatedTo(ChronoUnit.HOURS);
    List<Integer> hours =
        clock.ambiguous() && clock.hour() < 12
            ? List.of(clock.hour(), clock.hour() + 12)
            : List.of(clock.hour() % 24);
    List<ZonedDateTime> times = new ArrayList<>();
    for (int day = 0; times.size() < 3; day++) {
      for (int hour : hours) {
        ZonedDateTime time =
            now.truncatedTo(ChronoUnit.DAYS)
                .plusDays(day)
                .withHour(hour)
                .withMinute(clock.minute());
        if (!time.truncatedTo(ChronoUnit.HOURS).isBefore(currentHour) && times.size() < 3) {
          times.add(time);
        }
      }
    }
    return times;
  }
}
