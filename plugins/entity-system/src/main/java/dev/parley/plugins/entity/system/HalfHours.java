package dev.parley.plugins.entity.system;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Half hours: "half an hour" and "半小时" are durations of 30 minutes ("一个半小时" 90); "in half an hour",
 * "half an hour ago", "半小时后", "半小时前" the time that far from now, to the second, as Duckling reads
 * "in 30 minutes"; "within half an hour" runs from now to it.
 */
final class HalfHours {

  /** Groups: in/within, ago/from now/later/hence. */
  private static final Pattern ENGLISH =
      Pattern.compile(
          "\\b(?:(in|within)\\s+(?:about\\s+)?)?half\\s+an?\\s+hour"
              + "(?:\\s+(ago|from\\s+now|later|hence))?\\b",
          Pattern.CASE_INSENSITIVE);

  /** Groups: whole hours before the half (一个半小时), 后/前. */
  private static final Pattern CHINESE =
      Pattern.compile("(?:(" + ChineseNumbers.NUMERAL + ")个)?半个?(?:小时|钟头)(?:(?:以|之)?(后|後|前))?");

  private HalfHours() {}

  static List<Found> english(String text, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    Matcher m = ENGLISH.matcher(text);
    while (m.find()) {
      String before = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
      String after = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      Object value;
      if (before.equals("within")) {
        value =
            TimeValues.fromNow(
                now, TimeValues.format(TimeValues.shiftedTime(now, 30, ChronoUnit.MINUTES)));
      } else if (!before.isEmpty() || !after.isEmpty()) {
        value = TimeValues.shifted(now, after.equals("ago") ? -30 : 30, ChronoUnit.MINUTES);
      } else {
        found.add(
            new Found("duration", m.start(), m.end(), Durations.value(30, ChronoUnit.MINUTES)));
        continue;
      }
      found.add(new Found("time", m.start(), m.end(), value));
    }
    return found;
  }

  static List<Found> chinese(String text, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    Matcher m = CHINESE.matcher(text);
    while (m.find()) {
      int minutes = 30 + (m.group(1) == null ? 0 : 60 * ChineseUnits.number(m.group(1)));
      if (m.group(2) == null) {
        found.add(
            new Found(
                "duration", m.start(), m.end(), Durations.value(minutes, ChronoUnit.MINUTES)));
      } else {
        int sign = m.group(2).equals("前") ? -1 : 1;
        found.add(
            new Found(
                "time",
                m.start(),
                m.end(),
                TimeValues.shifted(now, (long) sign * minutes, ChronoUnit.MINUTES)));
      }
    }
    return found;
  }
}
