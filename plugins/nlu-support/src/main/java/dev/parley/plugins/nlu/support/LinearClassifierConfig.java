package dev.parley.plugins.nlu.support;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginException;
import java.util.List;

/**
 * The configuration keys Parley's linear intent classifiers declare, and the {@link
 * NgramFeaturizer} and {@link LinearHead.Settings} a validated configuration turns into.
 */
public final class LinearClassifierConfig {

  /** The key of {@link #augmentUnknownWords}. */
  public static final String AUGMENT_UNKNOWN_WORDS = "augment_unknown_words";

  private LinearClassifierConfig() {}

  /** The settings every linear n-gram classifier of Parley declares. */
  public static List<ConfigProperty> ngramProperties() {
    return List.of(
        ConfigProperty.integer("word_ngram_min", 1, "shortest word n-gram"),
        ConfigProperty.integer("word_ngram_max", 2, "longest word n-gram (0: none)"),
        ConfigProperty.integer("char_ngram_min", 1, "shortest character n-gram"),
        ConfigProperty.integer("char_ngram_max", 4, "longest character n-gram (0: none)"),
        ConfigProperty.bool("idf", true, "weight n-grams by inverse document frequency"),
        ConfigProperty.bool("sublinear_tf", true, "use 1 + ln(count) instead of the count"),
        ConfigProperty.number("cost", 10.0, "inverse regularisation strength C"),
        ConfigProperty.number("tolerance", 0.1, "the solver's stopping tolerance"),
        classBalance(),
        maxClassWeight());
  }

  /** Whether the n-gram classifier also trains on copies of the examples with an unknown word. */
  public static ConfigProperty augmentUnknownWords() {
    return ConfigProperty.bool(
        AUGMENT_UNKNOWN_WORDS,
        true,
        "the n-gram classifier also trains on a copy of each example with a made-up word"
            + " appended, so that an unknown word in live input (a name, a typo, noise) lowers its"
            + " confidence less and fewer messages need the encoder or fall back");
  }

  /** The class weighting exponent (shared with the embedding classifiers). */
  public static ConfigProperty classBalance() {
    return ConfigProperty.number(
        "class_balance",
        0.5,
        "class weighting for rare intents: an intent with n examples gets C times"
            + " (n of the largest intent / n)^class_balance, at most max_class_weight; 0 weighs all"
            + " intents alike, 1 fully balances them (0.5 chosen on the valid splits of ATIS and"
            + " CAIS, where it raised rare intents' recall without costing accuracy)");
  }

  /** The cap on a class weight (shared with the embedding classifiers). */
  public static ConfigProperty maxClassWeight() {
    return ConfigProperty.number("max_class_weight", 10.0, "the largest class weight");
  }

  /** The n-gram settings of a configuration. */
  public static NgramFeaturizer featurizer(PluginConfig config) {
    try {
      return new NgramFeaturizer(
          (int) config.getLong("word_ngram_min"),
          (int) config.getLong("word_ngram_max"),
          (int) config.getLong("char_ngram_min"),
          (int) config.getLong("char_ngram_max"));
    } catch (IllegalArgumentException e) {
      throw new PluginException(e.getMessage());
    }
  }

  /** The training settings of a configuration. */
  public static LinearHead.Settings settings(PluginConfig config) {
    double cost = config.getDouble("cost");
    double tolerance = config.getDouble("tolerance");
    double balance = config.getDouble("class_balance");
    double cap = config.getDouble("max_class_weight");
    if (cost <= 0 || tolerance <= 0) {
      throw new PluginException("cost and tolerance must be positive");
    }
    if (balance < 0 || cap < 1) {
      throw new PluginException("class_balance must be >= 0 and max_class_weight >= 1");
    }
    return new LinearHead.Settings(cost, tolerance, balance, cap);
  }
}
