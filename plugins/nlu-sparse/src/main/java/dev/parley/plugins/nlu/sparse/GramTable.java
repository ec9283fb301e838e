package dev.parley.plugins.nlu.sparse;

/**
 * Finds the feature of an n-gram given as a slice of a character buffer, without making a String:
 * an open-addressing table keyed by {@link GramHash}, each candidate confirmed by comparing its
 * name character by character (so hash collisions never merge two n-grams). To keep a lookup to
 * about two cache misses, a slot is one long (the upper half of the hash and where the entry starts
 * in a character pool) and an entry holds everything else: kind, length, feature and the characters
 * after the colon. Immutable and thread-safe.
 */
final class GramTable {

  private static final long EMPTY = 0;
  private static final int HEADER = 5;

  /** Per slot: the hash's upper 32 bits, then the entry's start in the pool plus one. */
  private final long[] slots;

  /** Per entry: kind, length (2 chars), feature (2 chars), then the characters. */
  private final char[] pool;

  private final int mask;

  /** A table of the names ({@code kind:characters}), feature {@code i} being {@code names[i]}. */
  GramTable(String[] names) {
    int capacity = Integer.highestOneBit(Math.max(4, names.length * 3 / 2) * 2 - 1);
    this.slots = new long[capacity];
    this.mask = capacity - 1;
    long poolSize = 0;
    for (String name : names) {
      poolSize += name.length() - 2 + HEADER;
    }
    this.pool = new char[Math.toIntExact(poolSize)];
    int start = 0;
    for (int f = 0; f < names.length; f++) {
      String name = names[f];
      long hash = GramHash.of(name);
      int slot = slot(hash);
      while (slots[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = (hash & 0xffffffff00000000L) | (start + 1L);
      int length = name.length() - 2;
      pool[start] = name.charAt(0);
      pool[start + 1] = (char) (length >>> 16);
      pool[start + 2] = (char) length;
      pool[start + 3] = (char) (f >>> 16);
      pool[start + 4] = (char) f;
      name.getChars(2, name.length(), pool, start + HEADER);
      start += length + HEADER;
    }
  }

  /**
   * The feature named {@code kind:} followed by {@code chars[from, to)}, whose {@link GramHash} is
   * {@code hash}; -1 when there is none.
   */
  int find(char kind, char[] chars, int from, int to, long hash) {
    long upper = hash & 0xffffffff00000000L;
    for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == EMPTY) {
        return -1;
      }
      if ((entry & 0xffffffff00000000L) == upper) {
        int start = (int) entry - 1;
        if (named(start, kind, chars, from, to)) {
          return (pool[start + 3] << 16) | pool[start + 4];
        }
      }
    }
  }

  private boolean named(int start, char kind, char[] chars, int from, int to) {
    if (pool[start] != kind || ((pool[start + 1] << 16) | pool[start + 2]) != to - from) {
      return false;
    }
    for (int i = from, j = start + HEADER; i < to; i++, j++) {
      if (pool[j] != chars[i]) {
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
