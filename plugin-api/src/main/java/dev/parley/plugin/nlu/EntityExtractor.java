package dev.parley.plugin.nlu;

import java.util.List;

/**
 * Finds or rewrites entities. Extractors run in pipeline order; each receives what the earlier ones
 * produced and returns the complete list after its own work (so a synonym mapper can rewrite
 * values). Implementations must be safe for concurrent use once trained or loaded.
 */
public interface EntityExtractor {

  /** The entities after this extractor: {@code previous} plus what it adds or changes. */
  List<Entity> extract(Message message, List<Entity> previous);
}
