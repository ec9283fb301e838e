package dev.parley.plugins.entity.crf;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.nlu.Entity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exact-span precision, recall and F1: a found entity counts only with the same start, end and
 * type.
 */
final class SpanScore {

  private int truePositives;
  private int found;
  private int expected;

  void add(NluExample gold, List<Entity> predicted) {
    Set<String> goldSpans = new HashSet<>();
    gold.entities().forEach(e -> goldSpans.add(e.start() + ":" + e.end() + ":" + e.entity()));
    expected += goldSpans.size();
    for (Entity entity : predicted) {
      found++;
      if (goldSpans.remove(entity.start() + ":" + entity.end() + ":" + entity.entity())) {
        truePositives++;
      }
    }
  }

  double precision() {
    return found == 0 ? 0 : (double) truePositives / found;
  }

  double recall() {
    return expected == 0 ? 0 : (double) truePositives / expected;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
