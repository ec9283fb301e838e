package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Clock;
import dev.parley.plugins.entity.system.TimeParts.Day;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English dates, times and durations: "today", "tomorrow at 5pm", "next monday", "november 26th",
 * "2026-11-26", "at 17:30", "noon", "in 2 hours", "3 days ago", "two hours" (a duration).
 */
final class EnglishTime {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  private static final String NUM =
      "(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty)";
  private static final String UNIT =
      "(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)";
  private static final String WEEKDAY =
      "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)";
  private static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";

  private static final Pattern RELATIVE_DAY =
      Pattern.compile(
          "\\b(the\\s+day\\s+after\\s+tomorrow|the\\s+day\\s+before\\s+yesterday|today|tonight|tomorrow|yesterday)\\b",
          FLAGS);
  private static final Pattern WEEKDAY_DAY =
      Pattern.compile("\\b(?:(next|this|last|coming|on)\\s+)?" + WEEKDAY + "\\b\\.?", FLAGS);
  private static final Pattern NEXT_PERIOD =
      Pattern.compile("\\b(next|last|this)\\s+(week|month|year)\\b", FLAGS);
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "\\b"
              + MONTH
              + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b"
              + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
              + MONTH
              + "(?:,?\\s+(\\d{4}))?\\b",
          FLAGS);
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern CLOCK =
      Pattern.compile(
          "\\b(?:at\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![\\w])"
              + "|\\b(?:at\\s+)?(\\d{1,2}):(\\d{2})\\b"
              + "|\\bat\\s+(\\d{1,2})(?:\\s*o'?clock)?\\b(?![:.]?\\d)"
              + "|\\b(\\d{1,2})\\s*o'?clock\\b"
              + "|\\b(?:at\\s+)?(noon|midday|midnight)\\b",
          FLAGS);
  private static final Pattern IN_DURATION =
      Pattern.compile(
          "\\bin\\s+"
              + NUM
              + "\\s+"
              + UNIT
              + "\\b|\\b"
              + NUM
              + "\\s+"
              + UNIT
              + "\\s+(from\\s+now|ago|later)\\b",
          FLAGS);
  private static final Pattern DURATION =
      Pattern.compile("\\b" + NUM + "\\s+" + UNIT + "\\b", FLAGS);
  private static final Pattern GLUE = Pattern.compile("\\s*(?:at|,|on)?\\s*", FLAGS);

  private EnglishTime() {}

  static List<Found> find(String text, ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Day> days = new ArrayList<>();
    Matcher m = RELATIVE_DAY.matcher(text);
    while (m.find()) {
      String word = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      int offset =
          switch (word) {
            case "tomorrow" -> 1;
            case "yesterday" -> -1;
            case "the day after tomorrow" -> 2;
            case "the day before yesterday" -> -2;
            default -> 0;
          };
      days.add(new Day(m.start(), m.end(), today.plusDays(offset), "day", word.equals("tonight")));
    }
    m = WEEKDAY_DAY.matcher(text);
    while (m.find()) {
      DayOfWeek weekday = weekday(m.group(2));
      String modifier = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
      LocalDate date =
          modifier.equals("last")
              ? today.with(TemporalAdjusters.previous(weekday))
              : today.with(TemporalAdjusters.next(weekday));
      int start = modifier.equals("on") ? m.start(2) : m.start();
      days.add(new Day(start, m.end(), date, "day", false));
    }
    m = NEXT_PERIOD.matcher(text);
    while (m.find()) {
      int step =
          switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "next" -> 1;
            case "last" -> -1;
            default -> 0;
          };
      String grain = m.group(2).toLowerCase(Locale.ROOT);
      LocalDate date =
          switch (grain) {
            case "week" ->
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(step);
            case "month" -> today.withDayOfMonth(1).plusMonths(step);
            default -> today.withDayOfYear(1).plusYears(step);
          };
      days.add(new Day(m.start(), m.end(), date, grain, false));
    }
    m = MONTH_DAY.matcher(text);
    while (m.find()) {
      boolean monthFirst = m.group(1) != null;
      int month = month(monthFirst ? m.group(1) : m.group(5));
      int day = Integer.parseInt(monthFirst ? m.group(2) : m.group(4));
      String year = monthFirst ? m.group(3) : m.group(6);
      int start = m.start();
      int end = m.end();
      dateOf(today, year, month, day)
          .ifPresent(date -> days.add(new Day(start, end, date, "day", false)));
    }
    m = ISO_DATE.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      dateOf(today, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          .ifPresent(date -> days.add(new Day(start, end, date, "day", false)));
    }
    List<Found> found = new ArrayList<>(TimeParts.combine(text, days, clocks(text), now, GLUE));
    m = IN_DURATION.matcher(text);
    while (m.find()) {
      boolean in = m.group(1) != null;
      int amount = EnglishNumbers.small(in ? m.group(1) : m.group(3)).orElse(1);
      ChronoUnit unit = unit(in ? m.group(2) : m.group(4));
      int sign = !in && m.group(5).toLowerCase(Locale.ROOT).equals("ago") ? -1 : 1;
      ZonedDateTime time = now.plus((long) sign * amount, unit);
      boolean fine = unit.compareTo(ChronoUnit.DAYS) < 0;
      found.add(
          new Found(
              "time",
              m.start(),
              m.end(),
              TimeParts.value(
                  fine ? time.truncatedTo(ChronoUnit.SECONDS) : time.truncatedTo(ChronoUnit.DAYS),
                  fine ? "second" : "day")));
    }
    m = DURATION.matcher(text);
    while (m.find()) {
      int amount = EnglishNumbers.small(m.group(1)).orElse(1);
      found.add(
          new Found("duration", m.start(), m.end(), Durations.value(amount, unit(m.group(2)))));
    }
    return found;
  }

  private static List<Clock> clocks(String text) {
    List<Clock> clocks = new ArrayList<>();
    Matcher m = CLOCK.matcher(text);
    while (m.find()) {
      if (m.group(1) != null) {
        int hour = Integer.parseInt(m.group(1)) % 12;
        boolean pm = m.group(3).toLowerCase(Locale.ROOT).startsWith("p");
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (Integer.parseInt(m.group(1)) <= 12 && minute < 60) {
          clocks.add(
              new Clock(
                  m.start(),
                  m.end(),
                  pm ? hour + 12 : hour,
                  minute,
                  false,
                  m.group(2) == null ? "hour" : "minute"));
        }
      } else if (m.group(4) != null) {
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        if (hour < 24 && minute < 60) {
          clocks.add(new Clock(m.start(), m.end(), hour, minute, hour <= 12 && hour > 0, "minute"));
        }
      } else if (m.group(6) != null || m.group(7) != null) {
        int hour = Integer.parseInt(m.group(6) != null ? m.group(6) : m.group(7));
        if (hour < 24) {
          clocks.add(new Clock(m.start(), m.end(), hour, 0, hour <= 12 && hour > 0, "hour"));
        }
      } else {
        boolean midnight = m.group(8).toLowerCase(Locale.ROOT).equals("midnight");
        clocks.add(new Clock(m.start(), m.end(), midnight ? 24 : 12, 0, false, "hour"));
      }
    }
    return clocks;
  }

  private static Optional<LocalDate> dateOf(LocalDate today, String year, int month, int day) {
    try {
      LocalDate date =
          LocalDate.of(year == null ? today.getYear() : Integer.parseInt(year), month, day);
      return Optional.of(year == null && date.isBefore(today) ? date.plusYears(1) : date);
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  static ChronoUnit unit(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("sec")) {
      return ChronoUnit.SECONDS;
    }
    if (w.startsWith("min")) {
      return ChronoUnit.MINUTES;
    }
    if (w.startsWith("h")) {
      return ChronoUnit.HOURS;
    }
    if (w.startsWith("d")) {
      return ChronoUnit.DAYS;
    }
    if (w.startsWith("w")) {
      return ChronoUnit.WEEKS;
    }
    return w.startsWith("mo") ? ChronoUnit.MONTHS : ChronoUnit.YEARS;
  }

  private static DayOfWeek weekday(String word) {
    String w = word.toLowerCase(Locale.ROOT).substring(0, 3);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().toLowerCase(Locale.ROOT).startsWith(w)) {
        return day;
      }
    }
    throw new IllegalArgumentException(word);
  }

  private static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT).substring(0, 3);
    List<String> months =
        List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    return months.indexOf(w) + 1;
  }
}
