package dev.parley.plugins.entity.crf;

import dev.parley.plugin.bot.NluExample;
import dev.parley.plugin.bot.NluExample.EntityAnnotation;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the training examples in one order that depends only on their content (text, then
 * annotations), so that the trained CRF does not depend on how the bot's files list them (grouped
 * by intent, say). Tribuo's trainer then shuffles this order with the settings' seed before every
 * epoch, so the examples still reach the optimiser in a random but repeatable order.
 */
final class TrainingOrder {

  private static final Comparator<EntityAnnotation> ANNOTATION =
      Comparator.comparingInt(EntityAnnotation::start)
          .thenComparingInt(EntityAnnotation::end)
          .thenComparing(EntityAnnotation::entity)
          .thenComparing(a -> String.valueOf(a.value()))
          .thenComparing(a -> String.valueOf(a.role()))
          .thenComparing(a -> String.valueOf(a.group()));

  private static final Comparator<NluExample> EXAMPLE =
      Comparator.comparing(NluExample::text)
          .thenComparing(NluExample::entities, TrainingOrder::compareAnnotations);

  private TrainingOrder() {}

  /** The examples sorted by content; examples that compare equal train identically. */
  static List<NluExample> canonical(List<NluExample> examples) {
    return examples.stream().sorted(EXAMPLE).toList();
  }

  private static int compareAnnotations(List<EntityAnnotation> a, List<EntityAnnotation> b) {
    List<EntityAnnotation> left = a.stream().sorted(ANNOTATION).toList();
    List<EntityAnnotation> right = b.stream().sorted(ANNOTATION).toList();
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int order = ANNOTATION.compare(left.get(i), right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.size(), right.size());
  }
}
