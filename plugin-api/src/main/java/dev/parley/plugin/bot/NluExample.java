package dev.parley.plugin.bot;

import java.util.List;

/**
 * One training example of an intent, with annotations removed from the text.
 *
 * @param text the plain text
 * @param intent the intent
 * @param entities entity annotations on the plain text
 */
public record NluExample(String text, String intent, List<EntityAnnotation> entities) {

  /** Copies the list. */
  public NluExample {
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /**
   * An annotated entity in an example: {@code [text](entity)} or {@code [text]{"entity": ...}}.
   *
   * @param start start offset in the plain text
   * @param end end offset, exclusive
   * @param entity entity name
   * @param value the value (the synonym target if one was given, else the text)
   * @param role role, or {@code null}
   * @param group group, or {@code null}
   */
  public record EntityAnnotation(
      int start, int end, String entity, String value, String role, String group) {}
}
