package dev.parley.plugins.dialogue;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One element of a dialogue as policies see it: a user message (intent and entities), an action, a
 * slot change or a loop change. Conversations and stories both become lists of elements.
 *
 * @param kind what it is
 * @param name the intent, action, slot or loop name (a {@code null} loop deactivates)
 * @param value the slot value
 * @param entities entity names (and values) of a user message
 * @param loopBefore the active loop just before this element, in conversations
 */
public record Element(
    Kind kind, String name, Object value, List<EntityRef> entities, String loopBefore)
    implements Serializable {

  /** The kinds of element. */
  public enum Kind {
    /** A user message. */
    USER,
    /** An action. */
    ACTION,
    /** A slot change. */
    SLOT,
    /** A loop change. */
    LOOP
  }

  /**
   * An entity of a user message.
   *
   * @param entity entity name
   * @param value value as text, or {@code null} for "any value"
   */
  public record EntityRef(String entity, String value) implements Serializable {}

  /** Copies the entity list. */
  public Element {
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** Whether this is a user message or an action (the elements rules and stories align on). */
  public boolean isTurn() {
    return kind == Kind.USER || kind == Kind.ACTION;
  }

  /** Whether this element, written in a rule or story, matches a conversation's element. */
  public boolean matches(Element actual) {
    if (kind != actual.kind || !Objects.equals(name, actual.name)) {
      return false;
    }
    for (EntityRef wanted : entities) {
      boolean present =
          actual.entities.stream()
              .anyMatch(
                  e ->
                      e.entity().equals(wanted.entity())
                          && (wanted.value() == null || wanted.value().equals(e.value())));
      if (!present) {
        return false;
      }
    }
    return true;
  }
}
