package dev.parley.plugins.entity.crf;

import java.util.Objects;

/**
 * What a tag stands for: the entity type with its role and group, so that roles and groups are
 * learned as part of the tag.
 *
 * @param entity entity type
 * @param role role, or {@code null}
 * @param group group, or {@code null}
 */
record EntityKind(String entity, String role, String group) {

  private static final String SEPARATOR = "\t";

  EntityKind {
    Objects.requireNonNull(entity, "entity");
  }

  /** A string form that round-trips through {@link #decode}. */
  String encode() {
    return entity + SEPARATOR + nullToEmpty(role) + SEPARATOR + nullToEmpty(group);
  }

  static EntityKind decode(String encoded) {
    String[] parts = encoded.split(SEPARATOR, -1);
    return new EntityKind(
        parts[0],
        parts.length > 1 ? emptyToNull(parts[1]) : null,
        parts.length > 2 ? emptyToNull(parts[2]) : null);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
