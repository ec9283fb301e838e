package dev.parley.core.nlu.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entity scores by exact span match: a predicted entity counts only if a labelled entity has the
 * same type, start and end. Per entity type precision, recall, F1 and support (labelled count),
 * then {@code micro avg} (from the summed counts; the overall figure), {@code macro avg} and {@code
 * weighted avg}.
 */
public final class EntityReport {

  /**
   * An entity span.
   *
   * @param start start offset, inclusive
   * @param end end offset, exclusive
   * @param entity entity type
   */
  public record Span(int start, int end, String entity) {}

  private final Map<String, Scores> byType = new LinkedHashMap<>();
  private final Scores micro;
  private final Scores macro;
  private final Scores weighted;

  private EntityReport(List<? extends Set<Span>> truth, List<? extends Set<Span>> predicted) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    TreeSet<String> types = new TreeSet<>();
    for (int i = 0; i < truth.size(); i++) {
      for (Span span : truth.get(i)) {
        types.add(span.entity());
        counts.computeIfAbsent(span.entity(), k -> new long[3])[2]++;
        if (predicted.get(i).contains(span)) {
          counts.get(span.entity())[0]++;
        }
      }
      for (Span span : predicted.get(i)) {
        types.add(span.entity());
        counts.computeIfAbsent(span.entity(), k -> new long[3])[1]++;
      }
    }
    long tp = 0;
    long predictedCount = 0;
    long actual = 0;
    for (String type : types) {
      long[] c = counts.get(type);
      byType.put(type, Scores.of(c[0], c[1], c[2]));
      tp += c[0];
      predictedCount += c[1];
      actual += c[2];
    }
    micro = Scores.of(tp, predictedCount, actual);
    macro = ClassificationReport.average(new ArrayList<>(byType.values()), false);
    weighted = ClassificationReport.average(new ArrayList<>(byType.values()), true);
  }

  /** Scores of the predicted spans against the labelled ones, message by message. */
  public static EntityReport of(
      List<? extends Set<Span>> truth, List<? extends Set<Span>> predicted) {
    if (truth.size() != predicted.size()) {
      throw new IllegalArgumentException("truth and predictions differ in length");
    }
    return new EntityReport(truth, predicted);
  }

  /** A set of spans (duplicates merged). */
  public static Set<Span> spans(List<Span> spans) {
    return new HashSet<>(spans);
  }

  /** Per entity type, types sorted. */
  public Map<String, Scores> byType() {
    return byType;
  }

  /** The overall scores from summed counts. */
  public Scores micro() {
    return micro;
  }

  /** The report: per type, {@code micro avg}, {@code macro avg}, {@code weighted avg}. */
  public Map<String, Object> toMap() {
    Map<String, Object> report = new LinkedHashMap<>();
    byType.forEach((type, scores) -> report.put(type, scores.toMap()));
    report.put("micro avg", micro.toMap());
    report.put("macro avg", macro.toMap());
    report.put("weighted avg", weighted.toMap());
    return report;
  }
}
