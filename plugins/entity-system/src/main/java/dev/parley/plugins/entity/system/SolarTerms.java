package dev.parley.plugins.entity.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The solar terms: the moments the sun's apparent longitude reaches a multiple of 15°; the
 * principal ones (zhongqi), multiples of 30°, number the months of the Chinese calendar, the winter
 * solstice (冬至, 270°) the 11th.
 */
final class SolarTerms {

  /** The winter solstice's longitude. */
  static final double WINTER_SOLSTICE = 270;

  private static final double DAYS_PER_DEGREE = 365.2422 / 360;

  /** Within about a millisecond, far below the theory's own error. */
  private static final double PRECISION_DAYS = 1e-8;

  private SolarTerms() {}

  /** The moment of the winter solstice of a Gregorian year (December 21st or 22nd). */
  static Instant winterSolstice(int year) {
    return reaching(
        WINTER_SOLSTICE, LocalDate.of(year, 12, 21).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /**
   * The moment the sun's apparent longitude reaches {@code longitude} degrees nearest to {@code
   * near} (less than half a year away).
   */
  static Instant reaching(double longitude, Instant near) {
    double day = JulianDay.ephemeris(near);
    for (int step = 0; step < 20; step++) {
      double behind = SunLongitude.normalized(longitude - SunLongitude.apparent(day) + 180) - 180;
      double correction = behind * DAYS_PER_DEGREE;
      day += correction;
      if (Math.abs(correction) < PRECISION_DAYS) {
        break;
      }
    }
    return JulianDay.instantOfEphemeris(day);
  }
}
