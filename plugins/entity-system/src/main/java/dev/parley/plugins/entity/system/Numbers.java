package dev.parley.plugins.entity.system;

/**
 * Number values as Duckling writes them: whole numbers as {@code long}, others as {@code double}.
 */
final class Numbers {

  private Numbers() {}

  static Number of(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : value;
  }
}
