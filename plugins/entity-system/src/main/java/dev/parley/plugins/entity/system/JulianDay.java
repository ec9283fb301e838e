package dev.parley.plugins.entity.system;

import java.time.Instant;

/**
 * Julian days (days and fractions since noon of January 1st, 4713 BC) in the two time scales the
 * astronomy here works in: UT, the civil one of {@link Instant}, and TT (Terrestrial Time), the
 * uniform one of the ephemerides, {@link DeltaT} ahead of UT.
 */
final class JulianDay {

  /** The epoch J2000.0, 2000-01-01 12:00 TT. */
  static final double J2000 = 2451545.0;

  private static final double UNIX_EPOCH = 2440587.5;
  private static final double SECONDS_PER_DAY = 86400;
  private static final double DAYS_PER_YEAR = 365.25;

  private JulianDay() {}

  /** The Julian day in UT of an instant. */
  static double universal(Instant instant) {
    return UNIX_EPOCH + (instant.getEpochSecond() + instant.getNano() / 1e9) / SECONDS_PER_DAY;
  }

  /** The Julian ephemeris day (in TT) of an instant. */
  static double ephemeris(Instant instant) {
    double universal = universal(instant);
    return universal + DeltaT.seconds(year(universal)) / SECONDS_PER_DAY;
  }

  /** The instant of a Julian ephemeris day (in TT). */
  static Instant instantOfEphemeris(double ephemerisDay) {
    double universal = ephemerisDay - DeltaT.seconds(year(ephemerisDay)) / SECONDS_PER_DAY;
    long millis = Math.round((universal - UNIX_EPOCH) * SECONDS_PER_DAY * 1000);
    return Instant.ofEpochMilli(millis);
  }

  /** Julian centuries of TT since J2000.0. */
  static double centuries(double ephemerisDay) {
    return (ephemerisDay - J2000) / (100 * DAYS_PER_YEAR);
  }

  private static double year(double julianDay) {
    return 2000 + (julianDay - J2000) / DAYS_PER_YEAR;
  }
}
