package dev.parley.plugins.nlu.support;

import java.util.Arrays;

/**
 * Sorts small arrays of bounded non-negative ints (feature indices) in two counting passes: no
 * comparisons, so none of the mispredicted branches that dominate a quicksort of a few hundred
 * random values.
 */
final class RadixSort {

  private static final int SMALL = 48;

  private RadixSort() {}

  /** Sorts {@code values[0, count)}, every value being in {@code [0, 2^bits)}. */
  static void sort(int[] values, int count, int bits) {
    if (count < SMALL || bits > 24) {
      Arrays.sort(values, 0, count);
      return;
    }
    int low = (bits + 1) / 2;
    int[] buffer = new int[count];
    pass(values, buffer, count, 0, low);
    pass(buffer, values, count, low, bits - low);
  }

  /** The number of bits that holds every index below {@code size}. */
  static int bitsFor(int size) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1)));
  }

  private static void pass(int[] from, int[] to, int count, int shift, int bits) {
    int mask = (1 << bits) - 1;
    int[] starts = new int[mask + 2];
    for (int i = 0; i < count; i++) {
      starts[((from[i] >>> shift) & mask) + 1]++;
    }
    for (int digit = 0; digit <= mask; digit++) {
      starts[digit + 1] += starts[digit];
    }
    for (int i = 0; i < count; i++) {
      to[starts[(from[i] >>> shift) & mask]++] = from[i];
    }
  }
}
