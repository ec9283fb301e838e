package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Clock;
import dev.parley.plugins.entity.system.TimeParts.Day;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese dates, times and durations: "今天", "明天下午五点", "今晚八点半", "下周一", "上星期五", "11月26日", "下个月",
 * "3点15分", "两个小时后", "三天" (a duration).
 */
final class ChineseTime {

  private static final String NUM = ChineseNumbers.NUMERAL;
  private static final Map<String, Integer> RELATIVE =
      Map.ofEntries(
          Map.entry("今天", 0),
          Map.entry("今日", 0),
          Map.entry("今晚", 0),
          Map.entry("明天", 1),
          Map.entry("明日", 1),
          Map.entry("明早", 1),
          Map.entry("明晚", 1),
          Map.entry("后天", 2),
          Map.entry("大后天", 3),
          Map.entry("昨天", -1),
          Map.entry("前天", -2));
  private static final Pattern RELATIVE_DAY = Pattern.compile("大后天|今天|今日|今晚|明天|明日|明早|明晚|后天|昨天|前天");
  private static final Pattern WEEKDAY =
      Pattern.compile("(下个?|这个?|本|上个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])");
  private static final Pattern PERIOD =
      Pattern.compile("(下个?|这个?|本|上个?)(周|星期|礼拜|月)(?![一二三四五六日天1-7])");
  private static final Pattern DATE =
      Pattern.compile("(?:(" + NUM + ")年)?(" + NUM + ")月(" + NUM + ")[日号]");
  private static final Pattern CLOCK =
      Pattern.compile("(早上|早晨|上午|中午|下午|傍晚|晚上|夜里|凌晨)?(" + NUM + ")[点點时](?:(半)|(" + NUM + ")分|钟|整)?");
  private static final Pattern AFTER =
      Pattern.compile("(" + NUM + ")个?(秒钟?|分钟|小时|钟头|天|周|星期|礼拜|个月|年)(?:以|之)?后");
  private static final Pattern DURATION =
      Pattern.compile("(" + NUM + ")个?(秒钟?|分钟|小时|钟头|天|周|星期|礼拜|个月|年)");
  private static final Pattern GLUE = Pattern.compile("\\s*的?\\s*");

  private ChineseTime() {}

  static List<Found> find(String text, ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Day> days = new ArrayList<>();
    Matcher m = RELATIVE_DAY.matcher(text);
    while (m.find()) {
      String word = m.group();
      days.add(
          new Day(
              m.start(), m.end(), today.plusDays(RELATIVE.get(word)), "day", word.endsWith("晚")));
    }
    m = WEEKDAY.matcher(text);
    while (m.find()) {
      int weekday = "一二三四五六日天1234567".indexOf(m.group(2).charAt(0));
      DayOfWeek day = DayOfWeek.of(weekday < 6 ? weekday + 1 : weekday < 8 ? 7 : weekday - 7);
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      String modifier = m.group(1) == null ? "" : m.group(1).substring(0, 1);
      LocalDate date =
          switch (modifier) {
            case "下" -> monday.plusWeeks(1).with(TemporalAdjusters.nextOrSame(day));
            case "上" -> monday.minusWeeks(1).with(TemporalAdjusters.nextOrSame(day));
            case "这", "本" -> monday.with(TemporalAdjusters.nextOrSame(day));
            default -> today.with(TemporalAdjusters.next(day));
          };
      days.add(new Day(m.start(), m.end(), date, "day", false));
    }
    m = PERIOD.matcher(text);
    while (m.find()) {
      int step =
          switch (m.group(1).substring(0, 1)) {
            case "下" -> 1;
            case "上" -> -1;
            default -> 0;
          };
      boolean month = m.group(2).equals("月");
      LocalDate date =
          month
              ? today.withDayOfMonth(1).plusMonths(step)
              : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(step);
      days.add(new Day(m.start(), m.end(), date, month ? "month" : "week", false));
    }
    m = DATE.matcher(text);
    while (m.find()) {
      try {
        int month = value(m.group(2));
        int dayOfMonth = value(m.group(3));
        LocalDate date =
            LocalDate.of(
                m.group(1) == null ? today.getYear() : value(m.group(1)), month, dayOfMonth);
        if (m.group(1) == null && date.isBefore(today)) {
          date = date.plusYears(1);
        }
        days.add(new Day(m.start(), m.end(), date, "day", false));
      } catch (DateTimeException e) {
        // not a calendar date
      }
    }
    List<Found> found = new ArrayList<>(TimeParts.combine(text, days, clocks(text), now, GLUE));
    m = AFTER.matcher(text);
    while (m.find()) {
      ChronoUnit unit = unit(m.group(2));
      ZonedDateTime time = now.plus(value(m.group(1)), unit);
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
      if (m.group(2).equals("年") && value(m.group(1)) >= 1000) {
        continue;
      }
      found.add(
          new Found(
              "duration",
              m.start(),
              m.end(),
              Durations.value(value(m.group(1)), unit(m.group(2)))));
    }
    return found;
  }

  private static List<Clock> clocks(String text) {
    List<Clock> clocks = new ArrayList<>();
    Matcher m = CLOCK.matcher(text);
    while (m.find()) {
      int hour = value(m.group(2));
      int minute = m.group(3) != null ? 30 : m.group(4) != null ? value(m.group(4)) : 0;
      if (hour > 24 || minute > 59) {
        continue;
      }
      String part = m.group(1) == null ? "" : m.group(1);
      if (part.isEmpty() && m.group(2).equals("一") && m.group(3) == null && m.group(4) == null) {
        continue;
      }
      boolean afternoon =
          part.equals("下午") || part.equals("傍晚") || part.equals("晚上") || part.equals("夜里");
      boolean ambiguous = part.isEmpty() && hour > 0 && hour <= 12;
      if (afternoon && hour < 12) {
        hour += 12;
      } else if (part.equals("中午") && hour < 6) {
        hour += 12;
      }
      String grain = m.group(3) != null || m.group(4) != null ? "minute" : "hour";
      clocks.add(new Clock(m.start(), m.end(), hour, minute, ambiguous, grain));
    }
    return clocks;
  }

  private static int value(String numeral) {
    return (int) Math.min(Integer.MAX_VALUE, ChineseNumbers.parse(numeral).orElse(0L));
  }

  private static ChronoUnit unit(String word) {
    return switch (word) {
      case "秒", "秒钟" -> ChronoUnit.SECONDS;
      case "分钟" -> ChronoUnit.MINUTES;
      case "小时", "钟头" -> ChronoUnit.HOURS;
      case "天" -> ChronoUnit.DAYS;
      case "周", "星期", "礼拜" -> ChronoUnit.WEEKS;
      case "个月" -> ChronoUnit.MONTHS;
      default -> ChronoUnit.YEARS;
    };
  }
}
