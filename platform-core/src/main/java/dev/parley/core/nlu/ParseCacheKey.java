package dev.parley.core.nlu;

/**
 * The key of a cached parse: bot, model version and normalised text. Normalising folds case and
 * turns every kind of whitespace into a plain space, character by character, so entity offsets of a
 * cached result stay valid for every text with the same key.
 */
public final class ParseCacheKey {

  private ParseCacheKey() {}

  /** The cache key of a text for one version of one bot. */
  public static String of(String tenant, String bot, int version, String text) {
    return tenant + '\u0000' + bot + '\u0000' + version + '\u0000' + normalise(text);
  }

  /** The text with case folded and whitespace unified; as long as the text. */
  public static String normalise(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.isWhitespace(chars[i]) ? ' ' : Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
