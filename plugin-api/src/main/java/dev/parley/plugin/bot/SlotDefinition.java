package dev.parley.plugin.bot;

import java.util.List;

/**
 * A slot declared in the domain.
 *
 * @param name slot name
 * @param type slot type
 * @param influenceConversation whether policies see its value
 * @param initialValue value at the start, or {@code null}
 * @param values allowed values of a categorical slot
 * @param minValue lower bound of a float slot, or {@code null}
 * @param maxValue upper bound of a float slot, or {@code null}
 * @param mappings how the slot is filled
 * @param sensitive whether the value is personal data (stored encrypted, masked in logs)
 */
public record SlotDefinition(
    String name,
    SlotType type,
    boolean influenceConversation,
    Object initialValue,
    List<String> values,
    Double minValue,
    Double maxValue,
    List<SlotMapping> mappings,
    boolean sensitive) {

  /** Copies the lists. */
  public SlotDefinition {
    values = values == null ? List.of() : List.copyOf(values);
    mappings = mappings == null ? List.of() : List.copyOf(mappings);
  }
}
