package dev.parley.plugins.entity.system;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds Duckling's dimensions in a text without a Duckling server. English and Chinese expressions
 * are both looked for (mixed text is common); where finds overlap, the longest wins (so "$20" is an
 * amount of money, not also a number).
 */
final class LocalDuckling {

  private static final List<String> PRIORITY =
      List.of(
          "email",
          "url",
          "phone-number",
          "time",
          "amount-of-money",
          "duration",
          "ordinal",
          "number");

  private final Clock clock;
  private final ZoneId zone;
  private final ContactFinder contacts;

  LocalDuckling(Clock clock, ZoneId zone, String region) {
    this.clock = clock;
    this.zone = zone;
    this.contacts = new ContactFinder(region);
  }

  /** The non-overlapping finds of the given dimensions (all when empty), in text order. */
  List<Found> parse(String text, Set<String> dimensions) {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
    List<NumberMatch> numbers = new ArrayList<>(EnglishNumbers.find(text));
    numbers.addAll(ChineseNumbers.find(text));
    List<Found> candidates = new ArrayList<>();
    numbers.forEach(n -> candidates.add(n.toFound()));
    candidates.addAll(MoneyFinder.find(text, numbers));
    candidates.addAll(contacts.find(text));
    candidates.addAll(EnglishTime.find(text, now));
    candidates.addAll(ChineseTime.find(text, now));
    candidates.removeIf(f -> !dimensions.isEmpty() && !dimensions.contains(f.dim()));
    candidates.sort(
        Comparator.comparingInt(Found::length)
            .reversed()
            .thenComparingInt(f -> PRIORITY.indexOf(f.dim())));
    List<Found> kept = new ArrayList<>();
    for (Found candidate : candidates) {
      if (kept.stream().noneMatch(candidate::overlaps)) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Found::start));
    return kept;
  }
}
