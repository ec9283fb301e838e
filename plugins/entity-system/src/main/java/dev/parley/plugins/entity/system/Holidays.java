package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Day;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holidays on a fixed date ("christmas", "new year's eve", "圣诞节", "国庆节") as days carrying
 * Duckling's holiday name (none for 国庆节, which Duckling's zh_CN rules read as October 1st only):
 * the next such day, today included. Holidays of the lunar or church calendar (春节, easter) and
 * those on an nth weekday (thanksgiving) are not known here.
 */
final class Holidays {

  /** A holiday; without a name when Duckling gives none (国庆节 is only "October 1st" there). */
  private record Holiday(Pattern words, MonthDay date, Optional<String> name) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  private static final List<Holiday> ENGLISH =
      List.of(
          english("(?:christmas|xmas)(?:\\s+day)?", 12, 25, "Christmas"),
          english("new\\s+year'?s\\s+eve", 12, 31, "New Year's Eve"),
          english("new\\s+year'?s\\s+day", 1, 1, "New Year's Day"),
          english("valentine'?s?\\s+day", 2, 14, "Valentine's Day"),
          english("halloween", 10, 31, "Halloween"));

  private static final List<Holiday> CHINESE =
      List.of(
          chinese("元旦节?|元旦節|阳历新年", 1, 1, "元旦"),
          chinese("圣诞节?|聖誕節?", 12, 25, "圣诞节"),
          chinese("情人节|情人節", 2, 14, "情人节"),
          chinese("妇女节|婦女節", 3, 8, "妇女节"),
          chinese("愚人节|愚人節", 4, 1, "愚人节"),
          chinese("五一国际劳动节|劳动节|勞動節", 5, 1, "劳动节"),
          chinese("国际儿童节|儿童节|兒童節", 6, 1, "儿童节"),
          chinese("八一建軍節|建军节|建軍節", 8, 1, "建军节"),
          new Holiday(Pattern.compile("(?:国庆|國慶)(?:节|節)?"), MonthDay.of(10, 1), Optional.empty()),
          chinese("万圣节|萬聖節", 10, 31, "万圣节"));

  private Holidays() {}

  static List<Day> english(String text, LocalDate today) {
    return find(ENGLISH, text, today);
  }

  static List<Day> chinese(String text, LocalDate today) {
    return find(CHINESE, text, today);
  }

  private static List<Day> find(List<Holiday> holidays, String text, LocalDate today) {
    List<Day> days = new ArrayList<>();
    for (Holiday holiday : holidays) {
      Matcher m = holiday.words().matcher(text);
      while (m.find()) {
        LocalDate date = holiday.date().atYear(today.getYear());
        if (date.isBefore(today)) {
          date = holiday.date().atYear(today.getYear() + 1);
        }
        LocalDate day = date;
        days.add(
            holiday
                .name()
                .map(name -> Day.holiday(m.start(), m.end(), day, name))
                .orElseGet(() -> Day.yearly(m.start(), m.end(), day)));
      }
    }
    return days;
  }

  private static Holiday english(String words, int month, int day, String name) {
    return new Holiday(
        Pattern.compile("\\b" + words + "\\b", FLAGS), MonthDay.of(month, day), Optional.of(name));
  }

  private static Holiday chinese(String words, int month, int day, String name) {
    return new Holiday(Pattern.compile(words), MonthDay.of(month, day), Optional.of(name));
  }
}
