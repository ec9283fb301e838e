package dev.parley.plugin.bot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bot's {@code domain.yml}: what it understands, remembers, says and does.
 *
 * @param intents intent names, in file order
 * @param entities entity declarations by name
 * @param slots slot definitions by name, in file order
 * @param responses response variations by response name ({@code utter_*})
 * @param actions custom action names declared under {@code actions}
 * @param forms forms by name
 * @param session session configuration
 */
public record Domain(
    List<String> intents,
    Map<String, EntityDefinition> entities,
    Map<String, SlotDefinition> slots,
    Map<String, List<ResponseVariation>> responses,
    List<String> actions,
    Map<String, FormDefinition> forms,
    SessionConfig session) {

  /** Copies the collections. */
  public Domain {
    intents = List.copyOf(intents);
    entities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entities));
    slots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slots));
    responses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responses));
    actions = List.copyOf(actions);
    forms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(forms));
  }

  /** The slot of that name, if declared. */
  public Optional<SlotDefinition> slot(String name) {
    return Optional.ofNullable(slots.get(name));
  }

  /** The form of that name, if declared. */
  public Optional<FormDefinition> form(String name) {
    return Optional.ofNullable(forms.get(name));
  }
}
