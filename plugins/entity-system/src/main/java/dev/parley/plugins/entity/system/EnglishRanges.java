package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Day;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English intervals of days and longer: "July 13-15", "from 13 to 15 July", "from July 13 to July
 * 15", "between monday and wednesday", "next 3 days", "the last two weeks", "within 2 weeks", "by
 * tomorrow", "by 2pm".
 */
final class EnglishRanges {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;
  private static final String NUM = EnglishTime.NUM;
  private static final String UNIT = EnglishTime.UNIT;
  private static final String MONTH = EnglishTime.MONTH;
  private static final String ORDINAL_SUFFIX = "(?:st|nd|rd|th)?";
  private static final String DASH = "\\s*(?:-|–|—|to|thru|through|till|until)\\s*";
  private static final String YEAR = "(?:,?\\s+(\\d{4}))?";

  /** "July 13-15", "from Aug 27th - 29th": groups month, first day, last day, year. */
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "\\b(?:from\\s+)?"
              + MONTH
              + "\\.?\\s+(\\d{1,2})"
              + ORDINAL_SUFFIX
              + DASH
              + "(\\d{1,2})"
              + ORDINAL_SUFFIX
              + YEAR
              + "(?![\\w:.])",
          FLAGS);

  /** "13-15 July", "from the 13th to the 15th of July": groups first day, last day, month, year. */
  private static final Pattern MONTH_LAST =
      Pattern.compile(
          "\\b(?:from\\s+)?(?:the\\s+)?(\\d{1,2})"
              + ORDINAL_SUFFIX
              + DASH
              + "(?:the\\s+)?(\\d{1,2})"
              + ORDINAL_SUFFIX
              + "\\s+(?:of\\s+)?"
              + MONTH
              + "\\b"
              + YEAR,
          FLAGS);

  /** Groups: direction, count (NUM's own group inside it), unit. */
  private static final Pattern NEXT_OR_LAST =
      Pattern.compile(
          "\\b(next|last|past)\\s+(" + NUM + "|few|couple(?:\\s+of)?)\\s+" + UNIT + "\\b", FLAGS);

  private static final Pattern WITHIN =
      Pattern.compile("\\bwithin\\s+" + NUM + "\\s+" + UNIT + "\\b", FLAGS);
  private static final Pattern BY = Pattern.compile("\\bby\\s+$", FLAGS);

  private static final DateRanges DAY_RANGES =
      new DateRanges(
          Pattern.compile("\\s*(?:-|–|—|to|thru|through|until|till|(?<and>and))\\s*", FLAGS),
          Pattern.compile("\\b(?:from|(?<between>between))\\s+$", FLAGS));

  private EnglishRanges() {}

  /**
   * The intervals in {@code text}, given the days and the single times already found in it.
   *
   * @param times time entities found so far; "by" before one of them makes an interval from now
   */
  static List<Found> find(String text, List<Day> days, List<Found> times, ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Found> found = new ArrayList<>(DAY_RANGES.find(text, days, today, now.getZone()));
    Matcher first = MONTH_FIRST.matcher(text);
    while (first.find()) {
      Matcher m = first;
      monthRange(now, m.group(1), m.group(2), m.group(3), m.group(4))
          .ifPresent(value -> found.add(new Found("time", m.start(), m.end(), value)));
    }
    Matcher last = MONTH_LAST.matcher(text);
    while (last.find()) {
      Matcher m = last;
      if (m.group(3).equals("may")) {
        continue; // "2 to 3 may be": the verb, not the month
      }
      monthRange(now, m.group(3), m.group(1), m.group(2), m.group(4))
          .ifPresent(value -> found.add(new Found("time", m.start(), m.end(), value)));
    }
    Matcher m = NEXT_OR_LAST.matcher(text);
    while (m.find()) {
      String count = m.group(2).toLowerCase(Locale.ROOT);
      int amount =
          count.equals("few")
              ? 3
              : count.startsWith("couple") ? 2 : EnglishNumbers.small(count).orElse(1);
      boolean next = m.group(1).equalsIgnoreCase("next");
      found.add(
          new Found(
              "time",
              m.start(),
              m.end(),
              Periods.nextOrLast(now, amount, EnglishTime.unit(m.group(4)), next)));
    }
    m = WITHIN.matcher(text);
    while (m.find()) {
      int amount = EnglishNumbers.small(m.group(1)).orElse(1);
      ChronoUnit unit = EnglishTime.unit(m.group(2));
      String to = TimeValues.format(TimeValues.shiftedTime(now, amount, unit));
      found.add(new Found("time", m.start(), m.end(), TimeValues.fromNow(now, to)));
    }
    found.addAll(byTimes(text, times, now));
    return found;
  }

  /** "by 2pm", "by tomorrow": from now to the start of that time, when it is still ahead. */
  private static List<Found> byTimes(String text, List<Found> times, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    for (Found time : times) {
      Matcher by = BY.matcher(text.substring(0, time.start()));
      if (!(time.value() instanceof Map<?, ?> value)
          || !"value".equals(value.get("type"))
          || !by.find()) {
        continue;
      }
      String to = (String) value.get("value");
      if (TimeValues.parse(to).isAfter(now)) {
        found.add(new Found("time", by.start(), time.end(), TimeValues.fromNow(now, to)));
      }
    }
    return found;
  }

  /**
   * Days {@code first} to {@code last} of a month: in the given year, else in the first year in
   * which they are not over.
   */
  private static Optional<Map<String, Object>> monthRange(
      ZonedDateTime now, String monthWord, String first, String last, String year) {
    LocalDate today = now.toLocalDate();
    int month = EnglishTime.month(monthWord);
    int from = Integer.parseInt(first);
    int to = Integer.parseInt(last);
    if (to < from) {
      return Optional.empty();
    }
    try {
      int y = year == null ? today.getYear() : Integer.parseInt(year);
      LocalDate end = LocalDate.of(y, month, to);
      if (year == null && end.isBefore(today)) {
        y++;
        end = LocalDate.of(y, month, to);
      }
      LocalDate start = LocalDate.of(y, month, from);
      List<LocalDate[]> spans =
          year == null
              ? DateRanges.yearly(start, end)
              : List.<LocalDate[]>of(new LocalDate[] {start, end});
      return Optional.of(DateRanges.value(spans, now.getZone()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
