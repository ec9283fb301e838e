package dev.parley.plugins.nlu.support;

/**
 * Finds the feature of an n-gram given as a slice of a character buffer, without making a String;
 * an n-gram that is not in the vocabulary is never taken for one that is. Two open-addressing
 * tables, each lookup costing about one cache miss per table touched:
 *
 * <ul>
 *   <li>n-grams of at most four characters below U+0100 (most of the character n-grams of Latin
 *       text): one long per slot holding the characters themselves, so a match is exact;
 *   <li>the others: one long per slot holding half of the {@link GramHash} and where the entry
 *       starts in a character pool that keeps kind, length, feature and characters, which confirm a
 *       candidate character by character.
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class GramTable {

  private final ShortNames shortNames;
  private final HashedNames hashedNames;

  /**
   * A table of the names ({@code kind:characters}, kind {@code w} or {@code c}), feature {@code i}
   * being {@code names[i]}.
   */
  GramTable(String[] names) {
    if (names.length >= ShortNames.MAX_FEATURES) {
      throw new IllegalArgumentException("too many n-grams: " + names.length);
    }
    int shortCount = 0;
    for (String name : names) {
      shortCount += ShortNames.fits(name, 2, name.length()) ? 1 : 0;
    }
    shortNames = new ShortNames(shortCount);
    hashedNames = new HashedNames(names, names.length - shortCount);
    for (int f = 0; f < names.length; f++) {
      String name = names[f];
      if (ShortNames.fits(name, 2, name.length())) {
        shortNames.add(name, f);
      } else {
        hashedNames.add(name, f);
      }
    }
  }

  /**
   * The feature named {@code kind:} followed by {@code chars[from, to)}, whose {@link GramHash} is
   * {@code hash}; -1 when there is none.
   */
  int find(char kind, char[] chars, int from, int to, long hash) {
    if (ShortNames.fits(chars, from, to)) {
      return shortNames.find(kind, chars, from, to);
    }
    return hashedNames.find(kind, chars, from, to, hash);
  }

  private static int capacityFor(int entries) {
    return Integer.highestOneBit(Math.max(4, entries * 3 / 2) * 2 - 1);
  }

  private static int slot(long key, int mask) {
    long mixed = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL;
    return (int) (mixed ^ (mixed >>> 33)) & mask;
  }

  /**
   * Names of one to four characters below U+0100 after the colon. A slot is the characters (8 bits
   * each, upper half), whether the kind is {@code w}, the length and the feature plus one (0:
   * empty).
   */
  private static final class ShortNames {
    private static final int MAX_LENGTH = 4;
    static final int MAX_FEATURES = (1 << 28) - 1;
    private final long[] slots;
    private final int mask;

    ShortNames(int count) {
      slots = new long[capacityFor(count)];
      mask = slots.length - 1;
    }

    static boolean fits(CharSequence name, int from, int to) {
      if (to - from > MAX_LENGTH || to == from) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if (name.charAt(i) > 0xff) {
          return false;
        }
      }
      return true;
    }

    static boolean fits(char[] chars, int from, int to) {
      if (to - from > MAX_LENGTH || to == from) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if (chars[i] > 0xff) {
          return false;
        }
      }
      return true;
    }

    void add(String name, int feature) {
      long key = key(name.charAt(0), name.toCharArray(), 2, name.length());
      int slot = slot(key, mask);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = key | (feature + 1L);
    }

    int find(char kind, char[] chars, int from, int to) {
      long key = key(kind, chars, from, to);
      for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
        long entry = slots[slot];
        if (entry == 0) {
          return -1;
        }
        if ((entry & 0xffffffff_f0000000L) == key) {
          return (int) (entry & 0x0fffffff) - 1;
        }
      }
    }

    /**
     * Characters in bits 32-63, kind in bit 31, length in bits 28-30; the rest left for the
     * feature.
     */
    private static long key(char kind, char[] chars, int from, int to) {
      long packed = 0;
      for (int i = from; i < to; i++) {
        packed = (packed << 8) | chars[i];
      }
      return (packed << 32) | (kind == 'w' ? 1L << 31 : 0) | ((long) (to - from) << 28);
    }
  }

  /** The other names, found by hash and confirmed against a character pool. */
  private static final class HashedNames {
    private static final int HEADER = 5;

    /**
     * Per slot: the hash's upper 32 bits, then the entry's start in the pool plus one (0: empty).
     */
    private final long[] slots;

    /** Per entry: kind, length (2 chars), feature (2 chars), then the characters. */
    private final char[] pool;

    private final int mask;
    private int poolEnd;

    HashedNames(String[] names, int count) {
      slots = new long[capacityFor(count)];
      mask = slots.length - 1;
      long poolSize = 0;
      for (String name : names) {
        if (!ShortNames.fits(name, 2, name.length())) {
          poolSize += name.length() - 2 + HEADER;
        }
      }
      pool = new char[Math.toIntExact(poolSize)];
    }

    void add(String name, int feature) {
      long hash = GramHash.of(name);
      int slot = slot(hash, mask);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      int start = poolEnd;
      slots[slot] = (hash & 0xffffffff_00000000L) | (start + 1L);
      int length = name.length() - 2;
      pool[start] = name.charAt(0);
      pool[start + 1] = (char) (length >>> 16);
      pool[start + 2] = (char) length;
      pool[start + 3] = (char) (feature >>> 16);
      pool[start + 4] = (char) feature;
      name.getChars(2, name.length(), pool, start + HEADER);
      poolEnd = start + HEADER + length;
    }

    int find(char kind, char[] chars, int from, int to, long hash) {
      long upper = hash & 0xffffffff_00000000L;
      for (int slot = slot(hash, mask); ; slot = (slot + 1) & mask) {
        long entry = slots[slot];
        if (entry == 0) {
          return -1;
        }
        if ((entry & 0xffffffff_00000000L) == upper) {
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
  }
}
