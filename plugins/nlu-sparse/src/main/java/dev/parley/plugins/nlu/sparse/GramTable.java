package dev.parley.plugins.nlu.sparse;

/**
 * Finds the feature of an n-gram given as a slice of a character buffer, without making a String:
 * an open-addressing table keyed by {@link GramHash}, each candidate confirmed by comparing its
 * name character by character (so hash collisions never merge two n-grams). Immutable and
 * thread-safe.
 */
final class GramTable {

  private static final int EMPTY = -1;

  private final String[] names;
  private final long[] hashes;
  private final int[] features;
  private final int mask;

  /** A table of the names, feature {@code i} being {@code names[i]}. */
  GramTable(String[] names) {
    this.names = names;
    int capacity = Integer.highestOneBit(Math.max(4, names.length) * 2 - 1) * 2;
    this.hashes = new long[capacity];
    this.features = new int[capacity];
    this.mask = capacity - 1;
    java.util.Arrays.fill(features, EMPTY);
    for (int f = 0; f < names.length; f++) {
      long hash = GramHash.of(names[f]);
      int slot = slot(hash);
      while (features[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      hashes[slot] = hash;
      features[slot] = f;
    }
  }

  /**
   * The feature named {@code kind:} followed by {@code chars[from, to)}, whose {@link GramHash} is
   * {@code hash}; -1 when there is none.
   */
  int find(char kind, char[] chars, int from, int to, long hash) {
    for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
      int feature = features[slot];
      if (feature == EMPTY) {
        return EMPTY;
      }
      if (hashes[slot] == hash && named(names[feature], kind, chars, from, to)) {
        return feature;
      }
    }
  }

  private static boolean named(String name, char kind, char[] chars, int from, int to) {
    if (name.length() != to - from + 2 || name.charAt(0) != kind || name.charAt(1) != ':') {
      return false;
    }
    for (int i = from, j = 2; i < to; i++, j++) {
      if (name.charAt(j) != chars[i]) {
        return false;
      }
    }
    return true;
  }

  private int slot(long hash) {
    long mixed = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
    return (int) (mixed ^ (mixed >>> 33)) & mask;
  }
}
