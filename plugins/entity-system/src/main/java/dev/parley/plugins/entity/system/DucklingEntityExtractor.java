package dev.parley.plugins.entity.system;

import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds Duckling's structured entities to the earlier ones: from a Duckling server when one is
 * configured and answers, else found locally.
 */
final class DucklingEntityExtractor implements EntityExtractor {

  private final LocalDuckling local;
  private final Optional<DucklingClient> remote;
  private final Set<String> dimensions;
  private final String locale;
  private final String zone;

  DucklingEntityExtractor(
      LocalDuckling local,
      Optional<DucklingClient> remote,
      Set<String> dimensions,
      String locale,
      String zone) {
    this.local = local;
    this.remote = remote;
    this.dimensions = Set.copyOf(dimensions);
    this.locale = locale;
    this.zone = zone;
  }

  @Override
  public List<Entity> extract(Message message, List<Entity> previous) {
    String text = message.text();
    List<Found> found =
        remote
            .flatMap(client -> client.parse(text, locale, zone, dimensions))
            .orElseGet(() -> local.parse(text, dimensions));
    List<Entity> all = new ArrayList<>(previous);
    for (Found f : found) {
      all.add(
          Entity.of(
              f.dim(), f.value(), f.start(), f.end(), 1.0, DucklingEntityExtractorFactory.ID));
    }
    return all;
  }
}
