package dev.parley.plugins.entity.system;

import java.time.Instant;

/**
 * True new moons (conjunctions of moon and sun in longitude) by Meeus, "Astronomical Algorithms"
 * (2nd ed., chapter 49): the mean new moon and the periodic corrections of the true one for the
 * moon's and sun's anomalies and the moon's argument of latitude, plus the fourteen small planetary
 * terms; within about a minute of the published times (24 new moons of 2023 and 2024 compared).
 *
 * <p>New moons are numbered by lunation: number 0 is the one of 2000-01-06, −1 the one before it.
 */
final class NewMoons {

  /** The mean synodic month in days. */
  static final double SYNODIC_MONTH = 29.530588861;

  private static final double FIRST_MEAN_NEW_MOON = 2451550.09766;
  private static final double LUNATIONS_PER_CENTURY = 1236.85;

  /** The sine terms of the true new moon: coefficient (days), then multiples of M, M', F, Ω. */
  private static final double[][] TERMS = {
    {-0.40720, 0, 1, 0, 0},
    {0.17241, 1, 0, 0, 0},
    {0.01608, 0, 2, 0, 0},
    {0.01039, 0, 0, 2, 0},
    {0.00739, -1, 1, 0, 0},
    {-0.00514, 1, 1, 0, 0},
    {0.00208, 2, 0, 0, 0},
    {-0.00111, 0, 1, -2, 0},
    {-0.00057, 0, 1, 2, 0},
    {0.00056, 1, 2, 0, 0},
    {-0.00042, 0, 3, 0, 0},
    {0.00042, 1, 0, 2, 0},
    {0.00038, 1, 0, -2, 0},
    {-0.00024, -1, 2, 0, 0},
    {-0.00017, 0, 0, 0, 1},
    {-0.00007, 2, 1, 0, 0},
    {0.00004, 0, 2, -2, 0},
    {0.00004, 3, 0, 0, 0},
    {0.00003, 1, 1, -2, 0},
    {0.00003, 0, 2, 2, 0},
    {-0.00003, 1, 1, 2, 0},
    {0.00003, -1, 1, 2, 0},
    {-0.00002, -1, 1, -2, 0},
    {-0.00002, 1, 3, 0, 0},
    {0.00002, 0, 4, 0, 0},
  };

  /** The planetary terms: coefficient (days), argument at lunation 0 and per lunation (degrees). */
  private static final double[][] PLANETARY = {
    {0.000325, 299.77, 0.107408},
    {0.000165, 251.88, 0.016321},
    {0.000164, 251.83, 26.651886},
    {0.000126, 349.42, 36.412478},
    {0.000110, 84.66, 18.206239},
    {0.000062, 141.74, 53.303771},
    {0.000060, 207.14, 2.453732},
    {0.000056, 154.84, 7.306860},
    {0.000047, 34.52, 27.261239},
    {0.000042, 207.19, 0.121824},
    {0.000040, 291.34, 1.844379},
    {0.000037, 161.72, 24.198154},
    {0.000035, 239.56, 25.513099},
    {0.000023, 331.55, 3.592518},
  };

  private NewMoons() {}

  /** The instant of new moon number {@code lunation}. */
  static Instant at(long lunation) {
    return JulianDay.instantOfEphemeris(ephemerisDay(lunation));
  }

  /** The number of the new moon nearest to an instant. */
  static long nearest(Instant instant) {
    double target = JulianDay.ephemeris(instant);
    long guess = Math.round((target - FIRST_MEAN_NEW_MOON) / SYNODIC_MONTH);
    long best = guess;
    for (long lunation = guess - 1; lunation <= guess + 1; lunation++) {
      if (Math.abs(ephemerisDay(lunation) - target) < Math.abs(ephemerisDay(best) - target)) {
        best = lunation;
      }
    }
    return best;
  }

  /** The Julian ephemeris day (TT) of new moon number {@code lunation}. */
  static double ephemerisDay(long lunation) {
    double k = lunation;
    double t = k / LUNATIONS_PER_CENTURY;
    double mean =
        FIRST_MEAN_NEW_MOON
            + SYNODIC_MONTH * k
            + t * t * (0.00015437 + t * (-0.000000150 + t * 0.00000000073));
    double eccentricity = 1 - t * (0.002516 + t * 0.0000074);
    double sunAnomaly = 2.5534 + 29.10535670 * k - t * t * (0.0000014 + t * 0.00000011);
    double moonAnomaly =
        201.5643 + 385.81693528 * k + t * t * (0.0107582 + t * (0.00001238 - t * 0.000000058));
    double latitudeArgument =
        160.7108 + 390.67050284 * k - t * t * (0.0016118 + t * (0.00000227 - t * 0.000000011));
    double ascendingNode = 124.7746 - 1.56375588 * k + t * t * (0.0020672 + t * 0.00000215);
    double correction = 0;
    for (double[] term : TERMS) {
      double argument =
          term[1] * sunAnomaly
              + term[2] * moonAnomaly
              + term[3] * latitudeArgument
              + term[4] * ascendingNode;
      // terms with the sun's anomaly shrink with the earth's orbit's eccentricity
      double shrink = Math.pow(eccentricity, Math.abs(term[1]));
      correction += term[0] * shrink * Math.sin(Math.toRadians(argument));
    }
    for (int i = 0; i < PLANETARY.length; i++) {
      double argument = PLANETARY[i][1] + PLANETARY[i][2] * k;
      if (i == 0) {
        argument -= 0.009173 * t * t;
      }
      correction += PLANETARY[i][0] * Math.sin(Math.toRadians(argument));
    }
    return mean + correction;
  }
}
