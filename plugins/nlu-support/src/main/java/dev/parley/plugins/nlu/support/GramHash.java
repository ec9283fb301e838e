package dev.parley.plugins.nlu.support;

/**
 * The 64-bit hash of an n-gram's name (its {@code w:} / {@code c:} prefix and its characters),
 * computed one UTF-16 character at a time (FNV-1a) so a scan can extend it as an n-gram grows.
 */
final class GramHash {

  private static final long BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private GramHash() {}

  /** The hash of the prefix {@code kind:}. */
  static long prefix(char kind) {
    return step(step(BASIS, kind), ':');
  }

  /** The hash after one more character. */
  static long step(long hash, char c) {
    return (hash ^ c) * PRIME;
  }

  /**
   * The hash of a whole name, equal to {@link #prefix} followed by a {@link #step} per character.
   */
  static long of(String name) {
    long hash = BASIS;
    for (int i = 0; i < name.length(); i++) {
      hash = step(hash, name.charAt(i));
    }
    return hash;
  }
}
