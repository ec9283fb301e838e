package dev.parley.plugin.bot;

import java.util.List;

/**
 * One way a slot gets filled.
 *
 * @param type mapping type
 * @param entity entity name for {@link SlotMappingType#FROM_ENTITY}
 * @param role required entity role, or {@code null}
 * @param group required entity group, or {@code null}
 * @param intents the mapping applies only for these intents (empty: any)
 * @param notIntents the mapping never applies for these intents
 * @param value the fixed value for intent mappings
 * @param action the action that fills a custom slot, or {@code null}
 * @param conditions the mapping applies only when one of these holds (empty: always)
 */
public record SlotMapping(
    SlotMappingType type,
    String entity,
    String role,
    String group,
    List<String> intents,
    List<String> notIntents,
    Object value,
    String action,
    List<MappingCondition> conditions) {

  /** Copies the lists. */
  public SlotMapping {
    intents = intents == null ? List.of() : List.copyOf(intents);
    notIntents = notIntents == null ? List.of() : List.copyOf(notIntents);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }
}
