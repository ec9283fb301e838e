package dev.parley.plugins.entity.system;

import java.time.temporal.ChronoUnit;

/** The numerals and time-unit words the Chinese time rules share. */
final class ChineseUnits {

  private ChineseUnits() {}

  /** A Chinese or Arabic numeral as an int (0 when it is not one, capped at the int range). */
  static int number(String numeral) {
    return (int) Math.min(Integer.MAX_VALUE, ChineseNumbers.parse(numeral).orElse(0L));
  }

  /** The unit a word names: 秒/秒钟, 分钟, 小时/钟头, 天/日, 周/星期/礼拜, 月/个月, else years. */
  static ChronoUnit unit(String word) {
    return switch (word) {
      case "秒", "秒钟" -> ChronoUnit.SECONDS;
      case "分钟" -> ChronoUnit.MINUTES;
      case "小时", "钟头" -> ChronoUnit.HOURS;
      case "天", "日" -> ChronoUnit.DAYS;
      case "周", "星期", "礼拜" -> ChronoUnit.WEEKS;
      case "月", "个月" -> ChronoUnit.MONTHS;
      default -> ChronoUnit.YEARS;
    };
  }
}
