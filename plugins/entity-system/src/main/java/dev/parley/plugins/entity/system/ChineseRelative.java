package dev.parley.plugins.entity.system;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese times counted from now by a number of units after it: as in Duckling's zh corpus, "两小时前"
 * and "三天后" are the whole units before or after the current one ("兩小時前" at 04:30 is 02:00 to 04:00,
 * "三天後" the next three days), like "前两小时" and "后三天" ({@link Periods}); "两小时以后" is the time two
 * hours from now, rounded as Duckling rounds "in 2 hours", and (not in Duckling) "两天以前" the time
 * two days ago.
 */
final class ChineseRelative {

  private static final String NUM = ChineseNumbers.NUMERAL;

  /** Groups: count, unit, 以, 后/後/前. */
  private static final Pattern COUNTED =
      Pattern.compile("(" + NUM + ")个?(秒钟?|分钟|小时|钟头|天|日|周|星期|礼拜|个月|年)(?:(以)|之)?(后|後|前)");

  private ChineseRelative() {}

  static List<Found> find(String text, ZonedDateTime now) {
    List<Found> found = new ArrayList<>();
    Matcher m = COUNTED.matcher(text);
    while (m.find()) {
      int amount = ChineseUnits.number(m.group(1));
      ChronoUnit unit = ChineseUnits.unit(m.group(2));
      if (amount == 0 || (unit == ChronoUnit.YEARS && amount >= 1000)) {
        continue; // "2020年前" is before the year 2020
      }
      boolean after = !m.group(4).equals("前");
      Object value =
          m.group(3) != null
              ? TimeValues.shifted(now, after ? amount : -amount, unit)
              : Periods.nextOrLast(now, amount, unit, after);
      found.add(new Found("time", m.start(), m.end(), value));
    }
    return found;
  }
}
