package dev.parley.plugins.entity.system;

import dev.parley.plugins.entity.system.TimeParts.Day;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese intervals of days and longer: "6月12号到7月3号", "周一到周三", "6月12号到15号", "12号到15号", "下三天",
 * "上两周", and (not in Duckling's corpus, read as its 下/上) "未来三天", "接下来两周", "过去两天", "最近三天".
 */
final class ChineseRanges {

  private static final String NUM = ChineseNumbers.NUMERAL;
  private static final String TO = "\\s*(?:到|至|-|~|～|—|–)\\s*";

  /** "6月12号到15号", "二月十三号到十五号": groups year, month, first day, last day. */
  private static final Pattern MONTH_DAYS =
      Pattern.compile(
          "(?:(" + NUM + ")年)?(" + NUM + ")月(" + NUM + ")[日号號]?" + TO + "(" + NUM + ")[日号號]");

  /** "12号到15号": groups first day, last day. */
  private static final Pattern DAYS_OF_MONTH =
      Pattern.compile("(?<![月0-9零〇一二两三四五六七八九十])(" + NUM + ")[日号號]" + TO + "(" + NUM + ")[日号號]");

  private static final Pattern NEXT_OR_LAST =
      Pattern.compile(
          "(下|后|後|未来|未來|接下来|接下來|上|前|过去|過去|最近)(" + NUM + ")个?(秒钟?|分钟|小时|钟头|天|日|周|星期|礼拜|月|年)");

  private static final DateRanges DAY_RANGES =
      new DateRanges(
          Pattern.compile("\\s*(?:到|至|-|~|～|—|–|(?<and>和|与))\\s*"),
          Pattern.compile("(?:从|(?<between>在))\\s*$"));

  private ChineseRanges() {}

  static List<Found> find(String text, List<Day> days, ZonedDateTime now) {
    LocalDate today = now.toLocalDate();
    List<Found> found = new ArrayList<>(DAY_RANGES.find(text, days, today, now.getZone()));
    Matcher m = MONTH_DAYS.matcher(text);
    while (m.find()) {
      monthDays(
              today,
              m.group(1),
              ChineseUnits.number(m.group(2)),
              ChineseUnits.number(m.group(3)),
              ChineseUnits.number(m.group(4)))
          .ifPresent(range -> found.add(found(m, range, now)));
    }
    Matcher dom = DAYS_OF_MONTH.matcher(text);
    while (dom.find()) {
      daysOfMonth(today, ChineseUnits.number(dom.group(1)), ChineseUnits.number(dom.group(2)))
          .ifPresent(range -> found.add(found(dom, range, now)));
    }
    Matcher period = NEXT_OR_LAST.matcher(text);
    while (period.find()) {
      boolean next = "下后後未接".indexOf(period.group(1).charAt(0)) >= 0;
      long amount = ChineseUnits.number(period.group(2));
      if (amount > 0) {
        found.add(
            new Found(
                "time",
                period.start(),
                period.end(),
                Periods.nextOrLast(now, amount, ChineseUnits.unit(period.group(3)), next)));
      }
    }
    return found;
  }

  private static Found found(Matcher m, List<LocalDate[]> spans, ZonedDateTime now) {
    return new Found("time", m.start(), m.end(), DateRanges.value(spans, now.getZone()));
  }

  /**
   * Days of one month: in the given year, else in the first year in which they are not over and the
   * two after it.
   */
  private static Optional<List<LocalDate[]>> monthDays(
      LocalDate today, String year, int month, int first, int last) {
    if (last < first) {
      return Optional.empty();
    }
    try {
      int y = year == null ? today.getYear() : ChineseUnits.number(year);
      if (year == null && LocalDate.of(y, month, last).isBefore(today)) {
        y++;
      }
      LocalDate start = LocalDate.of(y, month, first);
      LocalDate end = LocalDate.of(y, month, last);
      return Optional.of(
          year == null
              ? DateRanges.yearly(start, end)
              : List.<LocalDate[]>of(new LocalDate[] {start, end}));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * "12号到15号": from the next 12th (this month's unless it is past), to the first 15th from it (in
   * the next month when the last day is smaller: "12号到3号"); and the same in the next two months
   * that have those days.
   */
  private static Optional<List<LocalDate[]>> daysOfMonth(LocalDate today, int first, int last) {
    if (first < 1 || first > 31 || last < 1 || last > 31) {
      return Optional.empty();
    }
    YearMonth month = YearMonth.from(today);
    if (today.getDayOfMonth() > first) {
      month = month.plusMonths(1);
    }
    List<LocalDate[]> spans = new ArrayList<>();
    for (int tried = 0; spans.size() < 3 && tried < 12; tried++, month = month.plusMonths(1)) {
      YearMonth endMonth = last >= first ? month : month.plusMonths(1);
      if (month.isValidDay(first) && endMonth.isValidDay(last)) {
        spans.add(new LocalDate[] {month.atDay(first), endMonth.atDay(last)});
      }
    }
    return spans.isEmpty() ? Optional.empty() : Optional.of(spans);
  }
}
