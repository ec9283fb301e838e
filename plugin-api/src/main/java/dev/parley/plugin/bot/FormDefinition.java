package dev.parley.plugin.bot;

import java.util.List;

/**
 * A form: a loop that asks for slots until all are filled.
 *
 * @param name form name
 * @param requiredSlots slots to fill, in order
 * @param ignoredIntents intents whose messages never fill the form's slots
 */
public record FormDefinition(String name, List<String> requiredSlots, List<String> ignoredIntents) {

  /** Copies the lists. */
  public FormDefinition {
    requiredSlots = List.copyOf(requiredSlots);
    ignoredIntents = ignoredIntents == null ? List.of() : List.copyOf(ignoredIntents);
  }
}
