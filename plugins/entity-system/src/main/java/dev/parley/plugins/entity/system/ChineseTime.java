package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Clock;
import dev.parley.plugins.entity.system.TimeParts.Day;
import dev.parley.plugins.entity.system.TimeParts.PartOfDay;
import dev.parley.plugins.entity.system.TimeParts.Range;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese dates, times and durations: "今天", "明天下午五点", "今晚八点半", "下周一", "上星期五", "11月26日", "下个月",
 * "3点15分", "三点一刻", "差五分六点", "三天" (a duration); "两小时前", "三天后" ({@link ChineseRelative}); "半小时后"
 * ({@link HalfHours}); intervals: "下午三点到五点", "今晚", "明天下午", "这个周末", and open ones: "五点以后", "中午之前",
 * "周五之前"; holidays ({@link Holidays}); ranges of days and "下三天" ({@link ChineseRanges}); "月底", "年初"
 * ({@link PeriodEdges}).
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
          Map.entry("今早", 0),
          Map.entry("昨晚", -1),
          Map.entry("后天", 2),
          Map.entry("大后天", 3),
          Map.entry("昨天", -1),
          Map.entry("前天", -2));
  private static final Pattern RELATIVE_DAY =
      Pattern.compile("大后天|今天|今日|今晚|今早|明天|明日|明早|明晚|后天|昨天|昨晚|前天");
  private static final Pattern WEEKDAY =
      Pattern.compile("(下个?|这个?|本|上个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])");
  private static final Pattern PERIOD =
      Pattern.compile("(下个?|这个?|本|上个?)(周|星期|礼拜|月)(?![一二三四五六日天1-7])");
  private static final Pattern DATE =
      Pattern.compile("(?:(" + NUM + ")年)?(" + NUM + ")月(" + NUM + ")[日号]");
  private static final String DAY_PARTS = "早上|早晨|上午|中午|下午|傍晚|晚上|夜里|凌晨";
  private static final String TENS = "[一二三四五]?十[一二三四五六七八九]?|[0-5][0-9]";
  private static final Pattern CLOCK =
      Pattern.compile(
          "("
              + DAY_PARTS
              + ")?(?:差("
              + NUM
              + ")分钟?)?("
              + NUM
              + ")[点點时](?:(半)|([一三])刻|("
              + NUM
              + ")分|("
              + TENS
              + ")(?![0-9零〇一二两三四五六七八九十百千万亿个])|钟|整|差(?:("
              + NUM
              + ")分钟?|(一)刻))?");
  private static final Pattern NOON =
      Pattern.compile("(中午|午夜|半夜)(?!\\s*差?\\s*" + NUM + "\\s*[点點时])");
  private static final Pattern PART_OF_DAY =
      Pattern.compile("(早上|早晨|上午|下午|傍晚|晚上|夜里)(?!\\s*差?\\s*" + NUM + "\\s*[点點时])");
  private static final Pattern WEEKEND = Pattern.compile("(这个?|這個?|本|下个?|下個|上个?|上個)?(?:周末|週末)");
  private static final Pattern RANGE_GLUE = Pattern.compile("\\s*(?:到|至|-|~|～|—|–)\\s*");
  private static final Pattern OPEN_BOUND = Pattern.compile("^(?:以|之)?(后|後|前)");
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
      PartOfDay part =
          word.endsWith("晚")
              ? PartOfDay.EVENING
              : word.endsWith("早") ? PartOfDay.MORNING : PartOfDay.WHOLE_DAY;
      days.add(new Day(m.start(), m.end(), today.plusDays(RELATIVE.get(word)), "day", part));
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
      days.add(
          modifier.isEmpty()
              ? Day.weekday(m.start(), m.end(), date)
              : new Day(m.start(), m.end(), date, "day"));
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
      days.add(new Day(m.start(), m.end(), date, month ? "month" : "week"));
    }
    m = DATE.matcher(text);
    while (m.find()) {
      try {
        int month = ChineseUnits.number(m.group(2));
        int dayOfMonth = ChineseUnits.number(m.group(3));
        LocalDate date =
            LocalDate.of(
                m.group(1) == null ? today.getYear() : ChineseUnits.number(m.group(1)),
                month,
                dayOfMonth);
        if (m.group(1) == null && date.isBefore(today)) {
          date = date.plusYears(1);
        }
        days.add(
            m.group(1) == null
                ? Day.yearly(m.start(), m.end(), date)
                : new Day(m.start(), m.end(), date, "day"));
      } catch (DateTimeException e) {
        // not a calendar date
      }
    }
    days.addAll(Holidays.chinese(text, today));
    days.addAll(partsOfDay(text, days));
    List<Clock> clocks = clocks(text);
    List<Found> found =
        new ArrayList<>(TimeParts.combine(text, days, clocks, ranges(text, clocks), now, GLUE));
    found.addAll(TimeParts.openIntervals(List.copyOf(found), time -> openBound(text, time)));
    found.addAll(ChineseRanges.find(text, days, now));
    found.addAll(PeriodEdges.chinese(text, now));
    m = WEEKEND.matcher(text);
    while (m.find()) {
      String modifier = m.group(1) == null ? "" : m.group(1).substring(0, 1);
      int step = modifier.equals("下") ? 1 : modifier.equals("上") ? -1 : 0;
      found.add(new Found("time", m.start(), m.end(), TimeValues.weekend(now, step)));
    }
    found.addAll(ChineseRelative.find(text, now));
    found.addAll(HalfHours.chinese(text, now));
    found.addAll(Seasons.chinese(text, now));
    found.addAll(Quarters.chinese(text, now));
    m = DURATION.matcher(text);
    while (m.find()) {
      if (m.group(2).equals("年") && ChineseUnits.number(m.group(1)) >= 1000) {
        continue;
      }
      found.add(
          new Found(
              "duration",
              m.start(),
              m.end(),
              Durations.value(ChineseUnits.number(m.group(1)), ChineseUnits.unit(m.group(2)))));
    }
    return found;
  }

  private static List<Clock> clocks(String text) {
    List<Clock> clocks = new ArrayList<>();
    Matcher m = CLOCK.matcher(text);
    while (m.find()) {
      int hour = ChineseUnits.number(m.group(3));
      int minute;
      if (m.group(4) != null) {
        minute = 30;
      } else if (m.group(5) != null) {
        minute = m.group(5).equals("一") ? 15 : 45;
      } else if (m.group(6) != null || m.group(7) != null) {
        minute = ChineseUnits.number(m.group(6) != null ? m.group(6) : m.group(7));
      } else {
        minute = 0;
      }
      int before =
          m.group(2) != null
              ? ChineseUnits.number(m.group(2))
              : m.group(8) != null ? ChineseUnits.number(m.group(8)) : m.group(9) != null ? 15 : 0;
      if (before > 0) {
        if (minute != 0 || before >= 60) {
          continue;
        }
        hour -= 1;
        minute = 60 - before;
      }
      if (hour < 0 || hour > 24 || minute > 59) {
        continue;
      }
      String part = m.group(1) == null ? "" : m.group(1);
      if (m.group().length() == 2 && m.group(3).equals("一")) {
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
      String grain = minute != 0 || m.group(6) != null || m.group(7) != null ? "minute" : "hour";
      clocks.add(new Clock(m.start(), m.end(), hour, minute, ambiguous, grain));
    }
    m = NOON.matcher(text);
    while (m.find()) {
      int hour = m.group(1).equals("中午") ? 12 : 24;
      clocks.add(new Clock(m.start(), m.end(), hour, 0, false, "hour"));
    }
    clocks.sort(Comparator.comparingInt(Clock::start));
    return clocks;
  }

  /** "三点到五点", "下午3点-5点", "从八点至八点半": two clock times joined by 到, 至, "-" or "~". */
  private static List<Range> ranges(String text, List<Clock> clocks) {
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i + 1 < clocks.size(); i++) {
      Clock first = clocks.get(i);
      Clock second = clocks.get(i + 1);
      if (RANGE_GLUE.matcher(text.substring(first.end(), second.start())).matches()) {
        int start =
            first.start() > 0 && text.charAt(first.start() - 1) == '从'
                ? first.start() - 1
                : first.start();
        ranges.add(new Range(start, second.end(), first, second));
      }
    }
    return ranges;
  }

  /** "明天下午", "周一早上", "今天晚上": a day narrowed to a part of it. */
  private static List<Day> partsOfDay(String text, List<Day> days) {
    List<Day> parts = new ArrayList<>();
    Matcher m = PART_OF_DAY.matcher(text);
    while (m.find()) {
      PartOfDay part =
          switch (m.group(1)) {
            case "早上", "早晨", "上午" -> PartOfDay.MORNING;
            case "下午" -> PartOfDay.AFTERNOON;
            default -> PartOfDay.EVENING;
          };
      int start = m.start();
      int end = m.end();
      days.stream()
          .filter(
              d ->
                  d.grain().equals("day")
                      && d.part() == PartOfDay.WHOLE_DAY
                      && d.end() <= start
                      && GLUE.matcher(text.substring(d.end(), start)).matches())
          .findFirst()
          .ifPresent(d -> parts.add(d.narrowedTo(part, d.start(), end)));
    }
    return parts;
  }

  /** "五点以后", "下午五点后" open to the future; "中午之前", "五点前" to the past. */
  private static Optional<TimeParts.Bound> openBound(String text, Found time) {
    Matcher m = OPEN_BOUND.matcher(text.substring(time.end()));
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new TimeParts.Bound(time.start(), time.end() + m.end(), !m.group(1).equals("前")));
  }
}
