package dev.parley.plugins.entity.system;

/**
 * A structured value found in a text, in Duckling's terms.
 *
 * @param dim Duckling's dimension ({@code number}, {@code time}, …)
 * @param start start offset, inclusive
 * @param end end offset, exclusive
 * @param value the entity value: a number, a string, or Duckling's value object as a map
 */
record Found(String dim, int start, int end, Object value) {

  int length() {
    return end - start;
  }

  boolean overlaps(Found other) {
    return start < other.end && other.start < end;
  }
}
