package dev.parley.plugins.testkit;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Entity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exact-span precision, recall and F1: a found entity counts only with the same start, end and
 * type.
 */
public final class SpanScore {

  private int truePositives;
  private int found;
  private int expected;
  private final Map<String, Integer> missedByType = new TreeMap<>();
  private final Map<String, Integer> spuriousByType = new TreeMap<>();
  private final Map<String, Integer> missKinds = new TreeMap<>();
  private final Map<String, Integer> confusions = new TreeMap<>();

  public void add(NluExample gold, List<Entity> predicted) {
    Set<String> goldSpans = new HashSet<>();
    gold.entities().forEach(e -> goldSpans.add(e.start() + ":" + e.end() + ":" + e.entity()));
    expected += goldSpans.size();
    for (Entity entity : predicted) {
      found++;
      if (goldSpans.remove(entity.start() + ":" + entity.end() + ":" + entity.entity())) {
        truePositives++;
      } else {
        spuriousByType.merge(entity.entity(), 1, Integer::sum);
      }
    }
    goldSpans.forEach(span -> missedByType.merge(span.split(":", 3)[2], 1, Integer::sum));
    for (NluExample.EntityAnnotation missed : gold.entities()) {
      if (goldSpans.contains(missed.start() + ":" + missed.end() + ":" + missed.entity())) {
        missKinds.merge(missKind(missed, predicted), 1, Integer::sum);
      }
    }
  }

  /**
   * Why a gold span was missed: "type" (found with the same bounds as another type), "bounds"
   * (found overlapping with the same type), "both" (overlapping with other bounds and type) or
   * "none" (nothing found over it).
   */
  private String missKind(NluExample.EntityAnnotation missed, List<Entity> predicted) {
    String kind = "none";
    for (Entity entity : predicted) {
      if (entity.start() == missed.start() && entity.end() == missed.end()) {
        confusions.merge(missed.entity() + " -> " + entity.entity(), 1, Integer::sum);
        return "type";
      }
      if (entity.start() < missed.end() && missed.start() < entity.end()) {
        kind = entity.entity().equals(missed.entity()) || kind.equals("bounds") ? "bounds" : "both";
      }
    }
    return kind;
  }

  /** How many missed gold spans each kind of miss accounts for (see {@link #missKind}). */
  public Map<String, Integer> missKinds() {
    return missKinds;
  }

  /** Gold type → found type for the spans found with the right bounds and the wrong type. */
  public Map<String, Integer> confusions() {
    return confusions;
  }

  /** Per entity type, the gold spans not found exactly (wrong bounds, wrong type or none). */
  public Map<String, Integer> missedByType() {
    return missedByType;
  }

  /** Per entity type, the found spans that match no gold span exactly. */
  public Map<String, Integer> spuriousByType() {
    return spuriousByType;
  }

  public double precision() {
    return found == 0 ? 0 : (double) truePositives / found;
  }

  public double recall() {
    return expected == 0 ? 0 : (double) truePositives / expected;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
