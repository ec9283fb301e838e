package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Day;
import dev.parley.plugins.entity.system.TimeParts.PartOfDay;
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
 * "2026-11-26", "at 17:30", "noon", "in 2 hours", "3 days ago", "two hours" (a duration); clock
 * times in words ({@link EnglishClock}); intervals: "from 3pm to 5pm", "tonight", "tomorrow
 * morning", "this afternoon", "this weekend", and open ones: "after 5pm", "before noon", "until
 * friday"; holidays ({@link Holidays}); ranges of days, "next 3 days", "by 2pm" ({@link
 * EnglishRanges}); "end of the month" ({@link PeriodEdges}); "in half an hour" ({@link HalfHours});
 * "this summer" ({@link Seasons}); "next quarter" ({@link Quarters}).
 */
final class EnglishTime {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  static final String NUM =
      "(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty)";
  static final String UNIT =
      "(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)";
  private static final String WEEKDAY =
      "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)";
  static final String MONTH =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";

  private static final Pattern RELATIVE_DAY =
      Pattern.compile(
          "\\b(the\\s+day\\s+after\\s+tomorrow|the\\s+day\\s+before\\s+yesterday|last\\s+night|today|tonight|tomorrow|yesterday)\\b",
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
  private static final Pattern PART_OF_DAY =
      Pattern.compile("\\b(?:(this|in\\s+the)\\s+)?(morning|afternoon|evening|night)\\b", FLAGS);
  private static final Pattern WEEKEND =
      Pattern.compile("\\b(?:(this\\s+past|this|next|last|coming)\\s+)?week-?end\\b", FLAGS);
  private static final Pattern OPEN_BOUND =
      Pattern.compile("\\b(after|since|from|before|until|till|through|up\\s+to)\\s+$", FLAGS);
  private static final Pattern SPACE = Pattern.compile("\\s+");
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
            case "yesterday", "last night" -> -1;
            case "the day after tomorrow" -> 2;
            case "the day before yesterday" -> -2;
            default -> 0;
          };
      days.add(
          new Day(
              m.start(),
              m.end(),
              today.plusDays(offset),
              "day",
              word.endsWith("night") ? PartOfDay.EVENING : PartOfDay.WHOLE_DAY));
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
      days.add(
          modifier.isEmpty() || modifier.equals("on")
              ? Day.weekday(start, m.end(), date)
              : new Day(start, m.end(), date, "day"));
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
      days.add(new Day(m.start(), m.end(), date, grain));
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
          .ifPresent(
              date ->
                  days.add(
                      year == null
                          ? Day.yearly(start, end, date)
                          : new Day(start, end, date, "day")));
    }
    m = ISO_DATE.matcher(text);
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      dateOf(today, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          .ifPresent(date -> days.add(new Day(start, end, date, "day")));
    }
    days.addAll(Holidays.english(text, today));
    days.addAll(partsOfDay(text, days, today));
    List<Found> found =
        new ArrayList<>(
            TimeParts.combine(
                text, days, EnglishClock.clocks(text), EnglishClock.ranges(text), now, GLUE));
    List<Found> times = List.copyOf(found);
    found.addAll(TimeParts.openIntervals(times, time -> openBound(text, time)));
    found.addAll(EnglishRanges.find(text, days, times, now));
    found.addAll(weekends(text, now));
    found.addAll(Holidays.longWeekends(text, now));
    found.addAll(PeriodEdges.english(text, now));
    found.addAll(HalfHours.english(text, now));
    found.addAll(Seasons.english(text, now));
    found.addAll(Quarters.english(text, now));
    m = IN_DURATION.matcher(text);
    while (m.find()) {
      boolean in = m.group(1) != null;
      int amount = EnglishNumbers.small(in ? m.group(1) : m.group(3)).orElse(1);
      ChronoUnit unit = unit(in ? m.group(2) : m.group(4));
      int sign = !in && m.group(5).toLowerCase(Locale.ROOT).equals("ago") ? -1 : 1;
      found.add(
          new Found(
              "time", m.start(), m.end(), TimeValues.shifted(now, (long) sign * amount, unit)));
    }
    m = DURATION.matcher(text);
    while (m.find()) {
      int amount = EnglishNumbers.small(m.group(1)).orElse(1);
      found.add(
          new Found("duration", m.start(), m.end(), Durations.value(amount, unit(m.group(2)))));
    }
    return found;
  }

  /**
   * "tomorrow morning", "monday evening", "this afternoon", "in the evening": a day narrowed to a
   * part of it (today when no day is named).
   */
  private static List<Day> partsOfDay(String text, List<Day> days, LocalDate today) {
    List<Day> parts = new ArrayList<>();
    Matcher m = PART_OF_DAY.matcher(text);
    while (m.find()) {
      PartOfDay part =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "morning" -> PartOfDay.MORNING;
            case "afternoon" -> PartOfDay.AFTERNOON;
            default -> PartOfDay.EVENING;
          };
      int start = m.start();
      int end = m.end();
      Optional<Day> before =
          days.stream()
              .filter(
                  d ->
                      d.grain().equals("day")
                          && d.part() == PartOfDay.WHOLE_DAY
                          && d.end() <= start
                          && SPACE.matcher(text.substring(d.end(), start)).matches())
              .findFirst();
      if (before.isPresent()) {
        parts.add(before.get().narrowedTo(part, before.get().start(), end));
      } else if (m.group(1) != null) {
        parts.add(new Day(start, end, today, "day", part));
      }
    }
    return parts;
  }

  /** "this weekend", "next weekend": Friday 18:00 to Monday 00:00, as in Duckling. */
  private static List<Found> weekends(String text, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    Matcher m = WEEKEND.matcher(text);
    while (m.find()) {
      String modifier =
          m.group(1) == null
              ? ""
              : SPACE.matcher(m.group(1).toLowerCase(Locale.ROOT)).replaceAll(" ");
      int step =
          switch (modifier) {
            case "next" -> 1;
            case "last", "this past" -> -1;
            default -> 0;
          };
      found.add(new Found("time", m.start(), m.end(), TimeValues.weekend(now, step)));
    }
    return found;
  }

  /**
   * "after 5pm", "since 2pm", "from 2pm" open to the future; "before noon", "until 2pm" to the
   * past.
   */
  private static Optional<TimeParts.Bound> openBound(String text, Found time) {
    Matcher m = OPEN_BOUND.matcher(text.substring(0, time.start()));
    if (!m.find()) {
      return Optional.empty();
    }
    boolean after = List.of("after", "since", "from").contains(m.group(1).toLowerCase(Locale.ROOT));
    return Optional.of(new TimeParts.Bound(m.start(), time.end(), after));
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

  static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT).substring(0, 3);
    List<String> months =
        List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    return months.indexOf(w) + 1;
  }
}
