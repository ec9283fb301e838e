package dev.parley.plugins.entity.system;

/**
 * A number written in a text.
 *
 * @param start start offset, inclusive
 * @param end end offset, exclusive
 * @param value the value
 * @param ordinal whether it is an ordinal ("third", "3rd", "第三")
 */
record NumberMatch(int start, int end, double value, boolean ordinal) {

  Found toFound() {
    return new Found(ordinal ? "ordinal" : "number", start, end, Numbers.of(value));
  }
}
