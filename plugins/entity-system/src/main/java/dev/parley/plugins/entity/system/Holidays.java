package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Day;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holidays as days carrying Duckling's holiday name, the next such day (today included) and the
 * next two as values: on a fixed date ("christmas", "圣诞节"; 国庆节 without a name, as Duckling's zh_CN
 * rules read it as October 1st only), on an nth weekday ("thanksgiving", "mother's day", "labor
 * day", "母亲节"), set from easter ("good friday", "复活节"), on the lunar calendar ("春节", "中秋节", {@link
 * LunarDates}); and the long weekends before holiday mondays ("memorial day weekend").
 */
final class Holidays {

  /** A holiday; without a name when Duckling gives none (国庆节 is only "October 1st" there). */
  private record Holiday(Pattern words, AnnualDate date, Optional<String> name) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  /** "this christmas", "next easter", "last thanksgiving": group which. */
  private static final Pattern ENGLISH_WHICH =
      Pattern.compile("\\b(this|coming|next|last|previous)\\s+$", FLAGS);

  /** "今年中秋节", "明年的春节", "去年圣诞节": group which year. */
  private static final Pattern CHINESE_YEAR = Pattern.compile("(今|明|去)年的?$");

  private static final String NOT_A_WEEKEND = "(?!\\s+week(?:\\s|-)?ends?\\b)";

  private static final List<Holiday> ENGLISH =
      List.of(
          english("(?:christmas|xmas)(?:\\s+day)?", fixed(12, 25), "Christmas"),
          english("(?:christmas|xmas)(?:\\s+day)?(?:'s)?\\s+eve", fixed(12, 24), "Christmas Eve"),
          english("new\\s+year'?s\\s+eve", fixed(12, 31), "New Year's Eve"),
          english("new\\s+year'?s\\s+day", fixed(1, 1), "New Year's Day"),
          english("valentine'?s?\\s+day", fixed(2, 14), "Valentine's Day"),
          english("halloween", fixed(10, 31), "Halloween"),
          english(
              "thanks?giving(?:\\s+day)?",
              AnnualDate.nthWeekday(11, 4, DayOfWeek.THURSDAY),
              "Thanksgiving Day"),
          english(
              "mother'?s?'?\\s+day", AnnualDate.nthWeekday(5, 2, DayOfWeek.SUNDAY), "Mother's Day"),
          english(
              "father'?s?'?\\s+day", AnnualDate.nthWeekday(6, 3, DayOfWeek.SUNDAY), "Father's Day"),
          english(
              "(?:decoration|memorial)\\s+day" + NOT_A_WEEKEND,
              AnnualDate.lastWeekday(5, DayOfWeek.MONDAY),
              "Memorial Day"),
          english(
              "labor\\s+day" + NOT_A_WEEKEND,
              AnnualDate.nthWeekday(9, 1, DayOfWeek.MONDAY),
              "Labor Day"),
          english(
              "(?:mlk|martin\\s+luther\\s+king(?:'?s)?,?)(?:\\s+jr\\.?|\\s+junior)?\\s+day"
                  + "|(?:civil|idaho\\s+human)\\s+rights\\s+day",
              AnnualDate.nthWeekday(1, 3, DayOfWeek.MONDAY),
              "Martin Luther King's Day"),
          english("easter(?:\\s+sun(?:day)?)?", Easter.sundayPlus(0), "Easter Sunday"),
          english("easter\\s+mon(?:day)?", Easter.sundayPlus(1), "Easter Monday"),
          english("(?:good|great|holy)\\s+fri(?:day)?", Easter.sundayPlus(-2), "Good Friday"));

  private static final List<Holiday> CHINESE =
      List.of(
          chinese("元旦节?|元旦節|阳历新年", fixed(1, 1), "元旦"),
          chinese("圣诞节?|聖誕節?", fixed(12, 25), "圣诞节"),
          chinese("情人节|情人節", fixed(2, 14), "情人节"),
          chinese("妇女节|婦女節", fixed(3, 8), "妇女节"),
          chinese("愚人节|愚人節", fixed(4, 1), "愚人节"),
          chinese("五一国际劳动节|劳动节|勞動節", fixed(5, 1), "劳动节"),
          chinese("国际儿童节|儿童节|兒童節", fixed(6, 1), "儿童节"),
          chinese("八一建軍節|建军节|建軍節", fixed(8, 1), "建军节"),
          new Holiday(Pattern.compile("(?:国庆|國慶)(?:节|節)?"), fixed(10, 1), Optional.empty()),
          chinese("万圣节|萬聖節", fixed(10, 31), "万圣节"),
          chinese("母亲节|母親節", AnnualDate.nthWeekday(5, 2, DayOfWeek.SUNDAY), "母亲节"),
          chinese("父亲节|父親節", AnnualDate.nthWeekday(6, 3, DayOfWeek.SUNDAY), "父亲节"),
          chinese("感恩节|感恩節", AnnualDate.nthWeekday(11, 4, DayOfWeek.THURSDAY), "感恩节"),
          chinese("复活节|復活節", Easter.sundayPlus(0), "复活节"),
          chinese("春节|春節|农历新年|農曆新年|大年初一", LunarDates.of(1, 1), "春节"),
          chinese("除夕|大年夜|大年三十", LunarDates.newYearsEve(), "除夕"),
          chinese("元宵节|元宵節", LunarDates.of(1, 15), "元宵节"),
          chinese("端午节?|端午節", LunarDates.of(5, 5), "端午节"),
          chinese("七夕节?|七夕節", LunarDates.of(7, 7), "七夕"),
          chinese("中秋节?|中秋節", LunarDates.of(8, 15), "中秋节"),
          chinese("重阳节?|重陽節?", LunarDates.of(9, 9), "重阳节"));

  /** "memorial day weekend": Duckling's long weekend before a holiday monday. */
  private record LongWeekend(Pattern words, AnnualDate monday, String name) {}

  private static final List<LongWeekend> LONG_WEEKENDS =
      List.of(
          new LongWeekend(
              Pattern.compile("\\b(?:decoration|memorial)\\s+day\\s+week(?:\\s|-)?ends?\\b", FLAGS),
              AnnualDate.lastWeekday(5, DayOfWeek.MONDAY),
              "Memorial Day weekend"),
          new LongWeekend(
              Pattern.compile("\\blabor\\s+day\\s+week(?:\\s|-)?ends?\\b", FLAGS),
              AnnualDate.nthWeekday(9, 1, DayOfWeek.MONDAY),
              "Labor Day weekend"));

  private Holidays() {}

  /**
   * "memorial day weekend", "labor day weekend": from friday 18:00 to the tuesday after the holiday
   * monday, as Duckling's long weekends, with the next two as values.
   */
  static List<Found> longWeekends(String text, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    for (LongWeekend weekend : LONG_WEEKENDS) {
      Matcher m = weekend.words().matcher(text);
      while (m.find()) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (LocalDate monday : weekend.monday().from(now.toLocalDate(), 3)) {
          ZonedDateTime midnight = monday.atStartOfDay(now.getZone());
          values.add(
              TimeValues.span(midnight.minusDays(3).plusHours(18), midnight.plusDays(1), "hour"));
        }
        Map<String, Object> value = TimeValues.of(values.get(0), values);
        value.put("holidayBeta", weekend.name());
        found.add(new Found("time", m.start(), m.end(), value));
      }
    }
    return found;
  }

  static List<Day> english(String text, LocalDate today) {
    List<Day> days = find(ENGLISH, text, today);
    for (Day holiday : List.copyOf(days)) {
      Matcher which = ENGLISH_WHICH.matcher(text.substring(0, holiday.start()));
      if (which.find()) {
        AnnualDate rule = holiday.annual().orElseThrow();
        Optional<LocalDate> date =
            switch (which.group(1).toLowerCase(Locale.ROOT)) {
              case "last", "previous" -> last(rule, today);
              case "next" -> rule.from(today.plusDays(1), 1).stream().findFirst();
              default -> Optional.of(holiday.date());
            };
        date.ifPresent(d -> days.add(Day.once(which.start(), holiday.end(), d, holiday.holiday())));
      }
    }
    return days;
  }

  static List<Day> chinese(String text, LocalDate today) {
    List<Day> days = find(CHINESE, text, today);
    for (Day holiday : List.copyOf(days)) {
      Matcher year = CHINESE_YEAR.matcher(text.substring(0, holiday.start()));
      if (year.find()) {
        int offset =
            switch (year.group(1)) {
              case "明" -> 1;
              case "去" -> -1;
              default -> 0;
            };
        holiday
            .annual()
            .orElseThrow()
            .in(today.getYear() + offset)
            .ifPresent(
                date -> days.add(Day.once(year.start(), holiday.end(), date, holiday.holiday())));
      }
    }
    return days;
  }

  /** The last day before today that the rule gives. */
  private static Optional<LocalDate> last(AnnualDate rule, LocalDate today) {
    for (int year = today.getYear(); year >= today.getYear() - AnnualDate.YEARS_AHEAD; year--) {
      Optional<LocalDate> date = rule.in(year).filter(d -> d.isBefore(today));
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  private static List<Day> find(List<Holiday> holidays, String text, LocalDate today) {
    List<Day> days = new ArrayList<>();
    for (Holiday holiday : holidays) {
      Matcher m = holiday.words().matcher(text);
      while (m.find()) {
        for (LocalDate next : holiday.date().from(today, 1)) {
          days.add(Day.annual(m.start(), m.end(), next, holiday.date(), holiday.name()));
        }
      }
    }
    return days;
  }

  private static AnnualDate fixed(int month, int day) {
    return AnnualDate.fixed(MonthDay.of(month, day));
  }

  private static Holiday english(String words, AnnualDate date, String name) {
    return new Holiday(Pattern.compile("\\b(?:" + words + ")\\b", FLAGS), date, Optional.of(name));
  }

  private static Holiday chinese(String words, AnnualDate date, String name) {
    return new Holiday(Pattern.compile(words), date, Optional.of(name));
  }
}
