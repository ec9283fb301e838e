package dev.parley.plugin.bot;

import java.util.List;

/**
 * An entity declared in the domain.
 *
 * @param name entity name
 * @param roles declared roles
 * @param groups declared groups
 * @param influenceConversation whether policies see it
 */
public record EntityDefinition(
    String name, List<String> roles, List<String> groups, boolean influenceConversation) {

  /** Copies the lists. */
  public EntityDefinition {
    roles = roles == null ? List.of() : List.copyOf(roles);
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
