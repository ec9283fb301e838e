package dev.parley.plugins.policy.memo;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.bot.SlotDefinition;
import dev.parley.plugin.bot.SlotType;
import dev.parley.plugins.dialogue.Element;
import dev.parley.plugins.dialogue.Element.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a list of elements (with explicit {@code action_listen}s) into dialogue states: before
 * every action, the previous action, the latest intent and entities, the slots that influence the
 * conversation, and the active loop. Training and prediction use the same code, so they agree.
 */
final class StateFeaturizer {

  /**
   * A state and the action that followed it.
   *
   * @param state the state before the action
   * @param action the action
   */
  record Step(String state, String action) {}

  private final Domain domain;
  private final Set<String> entityFeatures;

  StateFeaturizer(Domain domain, Set<String> entityFeatures) {
    this.domain = domain;
    this.entityFeatures = entityFeatures;
  }

  /** Every action with the state before it; the last entry has a {@code null} action (now). */
  List<Step> steps(List<Element> elements) {
    List<Step> steps = new ArrayList<>();
    String previousAction = "none";
    String intent = "none";
    Set<String> entities = new TreeSet<>();
    TreeMap<String, String> slots = new TreeMap<>();
    String loop = "none";
    for (Element element : elements) {
      switch (element.kind()) {
        case USER -> {
          intent = element.name();
          entities = new TreeSet<>();
          for (EntityRef entity : element.entities()) {
            if (entityFeatures.contains(entity.entity())) {
              entities.add(entity.entity());
            }
          }
        }
        case ACTION -> {
          steps.add(new Step(state(previousAction, intent, entities, slots, loop), element.name()));
          previousAction = element.name();
        }
        case SLOT ->
            feature(element)
                .ifPresentOrElse(
                    value -> slots.put(element.name(), value), () -> slots.remove(element.name()));
        case LOOP -> loop = element.name() == null ? "none" : element.name();
      }
    }
    steps.add(new Step(state(previousAction, intent, entities, slots, loop), null));
    return steps;
  }

  private java.util.Optional<String> feature(Element slot) {
    SlotDefinition definition = domain.slots().get(slot.name());
    if (definition == null || !definition.influenceConversation() || slot.value() == null) {
      return java.util.Optional.empty();
    }
    if (definition.type() == SlotType.BOOL || definition.type() == SlotType.CATEGORICAL) {
      return java.util.Optional.of(String.valueOf(slot.value()).toLowerCase(Locale.ROOT));
    }
    return java.util.Optional.of("set");
  }

  private static String state(
      String previousAction,
      String intent,
      Set<String> entities,
      TreeMap<String, String> slots,
      String loop) {
    return "prev="
        + previousAction
        + ";intent="
        + intent
        + ";entities="
        + entities
        + ";slots="
        + slots
        + ";loop="
        + loop;
  }
}
