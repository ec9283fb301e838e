package dev.parley.plugin.bot;

import java.util.List;

/** One step of a story or rule. */
public sealed interface StoryStep {

  /**
   * The user sent a message with this intent and these entities; {@code text} is set for end-to-end
   * steps ({@code user: ...}).
   *
   * @param intent the intent, or {@code null} for a text-only step
   * @param entities the entities
   * @param text the end-to-end text, or {@code null}
   */
  record User(String intent, List<EntityValue> entities, String text) implements StoryStep {
    /** Copies the list. */
    public User {
      entities = entities == null ? List.of() : List.copyOf(entities);
    }
  }

  /**
   * The bot ran this action ({@code action: ...}) or said this text ({@code bot: ...}).
   *
   * @param name the action, or {@code null} for an end-to-end bot text
   * @param botText the end-to-end text, or {@code null}
   */
  record Action(String name, String botText) implements StoryStep {}

  /**
   * A slot had this value ({@code slot_was_set}).
   *
   * @param name the slot
   * @param value the value, or {@code null}
   */
  record Slot(String name, Object value) implements StoryStep {}

  /**
   * A loop became active, or none ({@code active_loop}).
   *
   * @param name the loop, or {@code null}
   */
  record Loop(String name) implements StoryStep {}

  /**
   * An entity in a user step.
   *
   * @param entity the entity
   * @param value the value, or {@code null} if only its presence matters
   * @param role role, or {@code null}
   * @param group group, or {@code null}
   */
  record EntityValue(String entity, String value, String role, String group) {}
}
