package dev.parley.plugins.entity.system;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pieces a time expression is made of, and how they combine: a day ("tomorrow", "下周一"), a clock
 * time ("at 5pm", "下午五点"), or a complete point in time ("in 2 hours"). A day directly followed (or
 * preceded) by a clock time becomes one time entity.
 */
final class TimeParts {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private TimeParts() {}

  /**
   * A day, week, month or year.
   *
   * @param evening whether the words imply the evening ("今晚", "tonight")
   */
  record Day(int start, int end, LocalDate date, String grain, boolean evening) {}

  /**
   * A time of day; {@code ambiguous} when "5" could be 05:00 or 17:00.
   *
   * @param grain {@code hour} or {@code minute}
   */
  record Clock(int start, int end, int hour, int minute, boolean ambiguous, String grain) {}

  /** Duckling's time value object. */
  static Map<String, Object> value(ZonedDateTime time, String grain) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", ISO.format(time.truncatedTo(ChronoUnit.MILLIS)));
    value.put("grain", grain);
    value.put("type", "value");
    return value;
  }

  /** Joins days and clock times that touch (only {@code glue} between them) into time entities. */
  static List<Found> combine(
      String text, List<Day> days, List<Clock> clocks, ZonedDateTime now, Pattern glue) {
    List<Found> found = new ArrayList<>();
    List<Clock> usedClocks = new ArrayList<>();
    for (Day day : days) {
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
      Optional<Clock> clock = after.or(() -> before);
      if (clock.isPresent() && day.grain().equals("day")) {
        Clock c = clock.get();
        usedClocks.add(c);
        int hour = c.ambiguous() && day.evening() && c.hour() < 12 ? c.hour() + 12 : c.hour();
        ZonedDateTime time = day.date().atTime(hour % 24, c.minute()).atZone(now.getZone());
        found.add(
            new Found(
                "time",
                Math.min(day.start(), c.start()),
                Math.max(day.end(), c.end()),
                value(time, c.grain())));
      } else {
        found.add(
            new Found(
                "time",
                day.start(),
                day.end(),
                value(day.date().atStartOfDay(now.getZone()), day.grain())));
      }
    }
    for (Clock clock : clocks) {
      if (!usedClocks.contains(clock)) {
        found.add(
            new Found("time", clock.start(), clock.end(), value(next(clock, now), clock.grain())));
      }
    }
    return found;
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
