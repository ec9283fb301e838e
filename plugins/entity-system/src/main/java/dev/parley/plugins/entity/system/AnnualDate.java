package dev.parley.plugins.entity.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A day that comes back every year by a rule: a fixed date ("july 4th"), the nth weekday of a month
 * (thanksgiving), a day computed from easter or from the lunar calendar.
 */
@FunctionalInterface
interface AnnualDate {

  /** How many years ahead {@link #from} looks for its dates before giving up. */
  int YEARS_AHEAD = 10;

  /** The day in the given year, if that year has one (no February 29th in 2027). */
  Optional<LocalDate> in(int year);

  /** The first {@code count} days from {@code today} on, today included. */
  default List<LocalDate> from(LocalDate today, int count) {
    List<LocalDate> dates = new ArrayList<>();
    for (int year = today.getYear();
        dates.size() < count && year <= today.getYear() + YEARS_AHEAD;
        year++) {
      in(year).filter(date -> !date.isBefore(today)).ifPresent(dates::add);
    }
    return dates;
  }

  /** The day on the same month and day of month every year. */
  static AnnualDate fixed(MonthDay monthDay) {
    return year ->
        monthDay.isValidYear(year) ? Optional.of(monthDay.atYear(year)) : Optional.empty();
  }

  /**
   * The {@code n}th {@code weekday} of {@code month} (1-based): thanksgiving is the 4th thursday of
   * 11.
   */
  static AnnualDate nthWeekday(int month, int n, DayOfWeek weekday) {
    return year ->
        Optional.of(
            LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday)));
  }

  /** The last {@code weekday} of {@code month}: memorial day is the last monday of may. */
  static AnnualDate lastWeekday(int month, DayOfWeek weekday) {
    return year ->
        Optional.of(LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(weekday)));
  }

  /** The day {@code days} after this one in the same year's reckoning (before it when negative). */
  default AnnualDate plusDays(int days) {
    return year -> in(year).map(date -> date.plusDays(days));
  }
}
