package dev.parley.plugins.entity.system;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
 * 00:00). Values are built by {@link TimeValues}.
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

  /**
   * A day, week, month or year; for a day, maybe only a part of it ("tonight", "明天下午").
   *
   * @param weekday whether it was named by its weekday alone ("monday", "周一"), so that a range of
   *     weekdays can start on the next such day
   * @param holiday the holiday's name, for Duckling's {@code holidayBeta}
   */
  record Day(
      int start,
      int end,
      LocalDate date,
      String grain,
      PartOfDay part,
      boolean weekday,
      Optional<String> holiday) {

    Day(int start, int end, LocalDate date, String grain, PartOfDay part) {
      this(start, end, date, grain, part, false, Optional.empty());
    }

    Day(int start, int end, LocalDate date, String grain) {
      this(start, end, date, grain, PartOfDay.WHOLE_DAY);
    }

    static Day weekday(int start, int end, LocalDate date) {
      return new Day(start, end, date, "day", PartOfDay.WHOLE_DAY, true, Optional.empty());
    }

    static Day holiday(int start, int end, LocalDate date, String name) {
      return new Day(start, end, date, "day", PartOfDay.WHOLE_DAY, false, Optional.of(name));
    }

    boolean wholeDay() {
      return grain.equals("day") && part == PartOfDay.WHOLE_DAY;
    }

    Day narrowedTo(PartOfDay newPart, int newStart, int newEnd) {
      return new Day(newStart, newEnd, date, grain, newPart, false, holiday);
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
    List<Found> found = new ArrayList<>();
    for (Day day : days) {
      Optional<Clock> clock =
          day.grain().equals("day") ? touching(text, day, clocks, glue) : Optional.empty();
      if (clock.isPresent()) {
        Clock c = clock.get();
        int hour = c.ambiguous() && day.part().pm && c.hour() < 12 ? c.hour() + 12 : c.hour();
        ZonedDateTime time = day.date().atTime(hour % 24, c.minute()).atZone(now.getZone());
        Map<String, Object> value = TimeValues.value(time, c.grain());
        day.holiday().ifPresent(name -> value.put("holidayBeta", name));
        found.add(
            new Found(
                "time", Math.min(day.start(), c.start()), Math.max(day.end(), c.end()), value));
      }
      if (day.part() != PartOfDay.WHOLE_DAY) {
        ZonedDateTime start = day.date().atTime(day.part().fromHour, 0).atZone(now.getZone());
        ZonedDateTime end = start.plusHours(day.part().toHour - day.part().fromHour);
        Map<String, Object> value = TimeValues.interval(start, end, "hour");
        day.holiday().ifPresent(name -> value.put("holidayBeta", name));
        found.add(new Found("time", day.start(), day.end(), value));
      } else {
        Map<String, Object> value =
            TimeValues.value(day.date().atStartOfDay(now.getZone()), day.grain());
        day.holiday().ifPresent(name -> value.put("holidayBeta", name));
        found.add(new Found("time", day.start(), day.end(), value));
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
          new Found(
              "time",
              clock.start(),
              clock.end(),
              TimeValues.value(next(clock, now), clock.grain())));
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
        TimeValues.interval(midnight.plusMinutes(from), midnight.plusMinutes(to + last), grain));
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
                          "time",
                          b.start(),
                          b.end(),
                          TimeValues.openInterval(
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
