package dev.parley.plugins.entity.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * New moons, the sun's longitude and solar terms against Meeus's worked examples ("Astronomical
 * Algorithms", 2nd ed.) and published times (the U.S. Naval Observatory's "Earth's Seasons").
 */
class AstronomyTest {

  private static final double ONE_SECOND = 1.0 / 86400;

  @Test
  void newMoonOfFebruary1977AsMeeusExample49a() {
    // lunation −283: JDE 2443192.65118, 1977 February 18th 3h37m42s TT
    assertEquals(2443192.65118, NewMoons.ephemerisDay(-283), ONE_SECOND);
  }

  @Test
  void lunationsAreNumberedFromTheNewMoonOfJanuary2000() {
    assertEquals(LocalDate.of(2000, 1, 6), LocalDate.ofInstant(NewMoons.at(0), ZoneOffset.UTC));
    assertEquals(0, NewMoons.nearest(Instant.parse("2000-01-10T00:00:00Z")));
    assertEquals(-1, NewMoons.nearest(Instant.parse("1999-12-10T00:00:00Z")));
  }

  /**
   * The new moons beginning the lunar years 2027 and 2030, the days of 春节 (February 6th and 3rd):
   * minutes from midnight in China, where ICU's approximation dates them a day late.
   */
  @Test
  void newMoonsOfTheSpringFestivalsOf2027And2030FallOnTheirDaysInChina() {
    Instant newMoon2027 = NewMoons.at(NewMoons.nearest(Instant.parse("2027-02-06T12:00:00Z")));
    assertEquals(LocalDate.of(2027, 2, 6), dayInChina(newMoon2027));
    Instant newMoon2030 = NewMoons.at(NewMoons.nearest(Instant.parse("2030-02-02T12:00:00Z")));
    assertEquals(LocalDate.of(2030, 2, 3), dayInChina(newMoon2030));
  }

  @Test
  void sunsApparentLongitudeAsMeeusExample25b() {
    // 1992 October 13.0 TT: 199°54′21.818″
    double expected = 199 + 54 / 60.0 + 21.818 / 3600;
    assertEquals(expected, SunLongitude.apparent(2448908.5), 1.0 / 3600);
  }

  @Test
  void solsticesAndEquinoxesAsTheNavalObservatoryGivesThem() {
    assertWithinMinute("2024-12-21T09:20:00Z", SolarTerms.winterSolstice(2024));
    assertWithinMinute("2025-12-21T15:03:00Z", SolarTerms.winterSolstice(2025));
    assertWithinMinute(
        "2025-03-20T09:01:00Z", SolarTerms.reaching(0, Instant.parse("2025-03-01T00:00:00Z")));
    assertWithinMinute(
        "2025-06-21T02:42:00Z", SolarTerms.reaching(90, Instant.parse("2025-06-01T00:00:00Z")));
  }

  @Test
  void deltaTIsNearItsObservedValues() {
    assertEquals(56.9, DeltaT.seconds(1990), 1);
    assertEquals(63.8, DeltaT.seconds(2000), 1);
    assertEquals(69.4, DeltaT.seconds(2020), 3);
  }

  private static LocalDate dayInChina(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.ofHours(8));
  }

  /** Published times are rounded to the minute. */
  private static void assertWithinMinute(String expected, Instant actual) {
    Duration off = Duration.between(Instant.parse(expected), actual).abs();
    assertTrue(
        off.compareTo(Duration.ofSeconds(90)) < 0, actual + " is " + off + " off " + expected);
  }
}
