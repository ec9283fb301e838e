package dev.parley.plugins.entity.system;

import java.time.LocalDate;

/**
 * A month of the Chinese calendar: its number (1 to 12), whether it is the leap month repeating
 * that number, its first day (the day of its new moon in China) and its length (29 or 30 days).
 */
record LunarMonth(int number, boolean leap, LocalDate firstDay, int days) {

  /** The {@code day}th day of the month (1 is its first day). */
  LocalDate day(int day) {
    return firstDay.plusDays(day - 1L);
  }
}
