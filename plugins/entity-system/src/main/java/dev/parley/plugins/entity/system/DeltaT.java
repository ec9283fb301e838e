package dev.parley.plugins.entity.system;

/**
 * ΔT = TT − UT, the seconds by which the uniform time of the ephemerides runs ahead of the earth's
 * rotation, by Espenak and Meeus's polynomials (NASA's "Five Millennium Canon of Solar Eclipses",
 * 2006) between 1961 and 2150 and their long-term parabola outside.
 *
 * <p>A polynomial only guesses ΔT ahead of time: it gives about 75 s for 2025 where about 69 s were
 * observed, and may be off by a minute or so by 2050; a new moon or solar term is shifted by as
 * much, which matters for a date only when it falls that close to midnight.
 */
final class DeltaT {

  private DeltaT() {}

  /** ΔT in seconds at the given decimal year (2026.5 is mid-2026). */
  static double seconds(double year) {
    if (year >= 2050 && year < 2150) {
      return longTerm(year) - 0.5628 * (2150 - year);
    }
    if (year >= 2005 && year < 2050) {
      double t = year - 2000;
      return 62.92 + t * (0.32217 + t * 0.005589);
    }
    if (year >= 1986 && year < 2005) {
      double t = year - 2000;
      return 63.86
          + t
              * (0.3345
                  + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
    }
    if (year >= 1961 && year < 1986) {
      double t = year - 1975;
      return 45.45 + t * (1.067 + t * (-1.0 / 260 - t / 718));
    }
    return longTerm(year);
  }

  private static double longTerm(double year) {
    double centuries = (year - 1820) / 100;
    return -20 + 32 * centuries * centuries;
  }
}
