package dev.parley.plugins.nlu.logreg;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sparse features of a text: lower-cased word n-grams (every Han character is a word of its own, so
 * Chinese needs no segmenter) and character n-grams over the text with digits folded to {@code 0},
 * L2-normalised.
 *
 * <p>Not nlu-support's {@code NgramFeaturizer}, though both give the same n-grams for ordinary text
 * (all 41,298 texts of the test fixtures and the ATIS, SNIPS, CAIS and Banking77 sets): this one
 * cuts character n-grams at code points, not UTF-16 units (emoji), folds only ASCII digits and
 * turns only ASCII whitespace into {@code _} there. Switching would rename the features of such
 * messages, which stored models were trained on.
 *
 * @param wordMin shortest word n-gram
 * @param wordMax longest word n-gram
 * @param charMin shortest character n-gram
 * @param charMax longest character n-gram
 */
record FeatureExtractor(int wordMin, int wordMax, int charMin, int charMax)
    implements Serializable {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern DIGIT = Pattern.compile("\\d");

  /** Feature name to value. */
  Map<String, Double> features(String text) {
    String normal =
        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    Map<String, Double> features = new LinkedHashMap<>();
    List<String> words = words(normal);
    for (int n = wordMin; n <= wordMax; n++) {
      for (int i = 0; i + n <= words.size(); i++) {
        features.merge("w:" + String.join(" ", words.subList(i, i + n)), 1.0, Double::sum);
      }
    }
    String chars =
        "_" + DIGIT.matcher(SPACES.matcher(normal).replaceAll("_")).replaceAll("0") + "_";
    int[] points = chars.codePoints().toArray();
    for (int n = charMin; n <= charMax; n++) {
      for (int i = 0; i + n <= points.length; i++) {
        features.merge("c:" + new String(points, i, n), 1.0, Double::sum);
      }
    }
    double norm = Math.sqrt(features.values().stream().mapToDouble(v -> v * v).sum());
    if (norm > 0) {
      features.replaceAll((name, value) -> value / norm);
    }
    return features;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
              if (han || !Character.isLetterOrDigit(cp)) {
                if (current.length() > 0) {
                  words.add(current.toString());
                  current.setLength(0);
                }
                if (han) {
                  words.add(new String(Character.toChars(cp)));
                }
              } else {
                current.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
              }
            });
    if (current.length() > 0) {
      words.add(current.toString());
    }
    return words;
  }
}
