package dev.parley.plugin.nlu;

import java.util.List;

/**
 * An entity found in a message, with Rasa's fields.
 *
 * @param entity entity type
 * @param value normalised value (text, number or structured value)
 * @param start start offset in the message text, inclusive
 * @param end end offset, exclusive
 * @param confidenceEntity extractor's confidence, or {@code null} if it has none
 * @param extractor id of the plugin that found it
 * @param role role, or {@code null}
 * @param group group, or {@code null}
 * @param processors plugins that changed the value afterwards (e.g. synonym mapping)
 */
public record Entity(
    String entity,
    Object value,
    int start,
    int end,
    Double confidenceEntity,
    String extractor,
    String role,
    String group,
    List<String> processors) {

  /** Normalises null processors to an empty list. */
  public Entity {
    processors = processors == null ? List.of() : List.copyOf(processors);
  }

  /** An entity without role, group or processors. */
  public static Entity of(
      String entity, Object value, int start, int end, double confidence, String extractor) {
    return new Entity(entity, value, start, end, confidence, extractor, null, null, List.of());
  }

  /** The same entity with its value replaced by {@code processor}. */
  public Entity withValue(Object newValue, String processor) {
    var chain = new java.util.ArrayList<>(processors);
    chain.add(processor);
    return new Entity(
        entity, newValue, start, end, confidenceEntity, extractor, role, group, chain);
  }
}
