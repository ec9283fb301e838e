package dev.parley.plugins.entity.system;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Duckling's value objects for the {@code time} dimension: a point {@code {"value", "grain",
 * "type": "value"}}, or an interval {@code {"type": "interval", "from": {"value", "grain"}, "to":
 * {"value", "grain"}, "values": [...]}} with {@code to} exclusive, and only {@code from} ("after
 * 5pm") or only {@code to} ("before noon") when open.
 */
final class TimeValues {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private TimeValues() {}

  /** Duckling's time value object for a single point in time: its only value. */
  static Map<String, Object> value(ZonedDateTime time, String grain) {
    Map<String, Object> point = point(time, grain);
    return of(point, List.of(point));
  }

  /** A point in time, {@code {"value", "grain", "type": "value"}}, without values. */
  static Map<String, Object> point(ZonedDateTime time, String grain) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("value", format(time));
    value.put("grain", grain);
    value.put("type", "value");
    return value;
  }

  /** An interval, {@code {"type": "interval", "from", "to"}}, without values. */
  static Map<String, Object> span(ZonedDateTime from, ZonedDateTime to, String grain) {
    Map<String, Object> single = new LinkedHashMap<>();
    single.put("type", "interval");
    single.put("from", instant(from, grain));
    single.put("to", instant(to, grain));
    return single;
  }

  /**
   * Duckling's value object: {@code value} with the list of {@code values} (the first three times
   * it can mean: "at 5" is 17:00 today, 05:00 and 17:00 tomorrow; a single one when it names one
   * time only, like "tomorrow").
   */
  static Map<String, Object> of(Map<String, Object> value, List<Map<String, Object>> values) {
    Map<String, Object> all = new LinkedHashMap<>(value);
    all.put("values", List.copyOf(values.subList(0, Math.min(3, values.size()))));
    return all;
  }

  /**
   * "in 2 hours", "3 days ago": now, rounded as Duckling rounds it (to the grain below the unit:
   * hours to the minute, days to the hour, weeks and months to the day, years to the month), moved
   * by {@code amount} units.
   */
  static Map<String, Object> shifted(ZonedDateTime now, long amount, ChronoUnit unit) {
    ChronoUnit grain = shiftGrain(unit);
    String name = grain.name().toLowerCase(Locale.ROOT);
    return value(shiftedTime(now, amount, unit), name.substring(0, name.length() - 1));
  }

  /** The time of {@link #shifted}. */
  static ZonedDateTime shiftedTime(ZonedDateTime now, long amount, ChronoUnit unit) {
    ChronoUnit grain = shiftGrain(unit);
    ZonedDateTime rounded =
        grain == ChronoUnit.MONTHS
            ? now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
            : now.truncatedTo(grain);
    return rounded.plus(amount, unit);
  }

  private static ChronoUnit shiftGrain(ChronoUnit unit) {
    return switch (unit) {
      case SECONDS, MINUTES -> ChronoUnit.SECONDS;
      case HOURS -> ChronoUnit.MINUTES;
      case DAYS -> ChronoUnit.HOURS;
      case WEEKS, MONTHS -> ChronoUnit.DAYS;
      default -> ChronoUnit.MONTHS;
    };
  }

  /**
   * "by 2pm", "within 2 weeks": from now (to the second) to the start of the given time, grain
   * {@code second} on both ends as in Duckling.
   */
  static Map<String, Object> fromNow(ZonedDateTime now, String to) {
    Map<String, Object> end = new LinkedHashMap<>();
    end.put("value", to);
    end.put("grain", "second");
    Map<String, Object> single = new LinkedHashMap<>();
    single.put("type", "interval");
    single.put("from", instant(now.truncatedTo(ChronoUnit.SECONDS), "second"));
    single.put("to", end);
    return of(single, List.of(single));
  }

  /** A time value's instant, as written in a value object. */
  static ZonedDateTime parse(String value) {
    return ZonedDateTime.parse(value, ISO);
  }

  /** Duckling's value object for an interval, {@code to} exclusive. */
  static Map<String, Object> interval(ZonedDateTime from, ZonedDateTime to, String grain) {
    Map<String, Object> single = span(from, to, grain);
    return of(single, List.of(single));
  }

  /**
   * Duckling's value object for an open interval (only {@code from} or only {@code to}) bounded by
   * a point in time, with one open interval for each of the point's values.
   */
  static Map<String, Object> openInterval(Map<?, ?> point, boolean after) {
    List<Map<String, Object>> values = new ArrayList<>();
    if (point.get("values") instanceof List<?> list) {
      for (Object single : list) {
        values.add(open((Map<?, ?>) single, after));
      }
    }
    return of(open(point, after), values);
  }

  private static Map<String, Object> open(Map<?, ?> point, boolean after) {
    Map<String, Object> instant = new LinkedHashMap<>();
    instant.put("value", point.get("value"));
    instant.put("grain", point.get("grain"));
    Map<String, Object> single = new LinkedHashMap<>();
    single.put("type", "interval");
    single.put(after ? "from" : "to", instant);
    return single;
  }

  private static Map<String, Object> instant(ZonedDateTime time, String grain) {
    Map<String, Object> instant = new LinkedHashMap<>();
    instant.put("value", format(time));
    instant.put("grain", grain);
    return instant;
  }

  static String format(ZonedDateTime time) {
    return ISO.format(time.truncatedTo(ChronoUnit.MILLIS));
  }

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
}
