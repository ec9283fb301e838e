package dev.parley.plugins.nlu.logreg;

import dev.parley.plugin.ConfigProperty;
import dev.parley.plugin.PluginContext;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugins.nlu.support.TemperatureCalibratedClassifier;
import java.util.List;

/**
 * {@code LogisticRegressionIntentClassifier}: a linear model on word and character n-grams; works
 * for English and Chinese without a tokenizer; Rasa's {@code LogisticRegressionClassifier} maps to
 * it.
 */
public final class LogisticRegressionIntentClassifierFactory implements IntentClassifierFactory {

  /** The id used in {@code config.yml}. */
  public static final String ID = "LogisticRegressionIntentClassifier";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Logistic regression on word and character n-grams (Tribuo)";
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        ConfigProperty.integer("word_ngram_min", 1, "shortest word n-gram"),
        ConfigProperty.integer("word_ngram_max", 2, "longest word n-gram"),
        ConfigProperty.integer("char_ngram_min", 2, "shortest character n-gram"),
        ConfigProperty.integer("char_ngram_max", 4, "longest character n-gram"),
        ConfigProperty.integer("epochs", 40, "passes over the training data").between(1, 10_000),
        ConfigProperty.integer("seed", 42, "random seed (training is reproducible)"));
  }

  @Override
  public IntentClassifier create(PluginContext context) {
    var config = context.config();
    int wordMin = (int) config.getLong("word_ngram_min");
    int wordMax = (int) config.getLong("word_ngram_max");
    int charMin = (int) config.getLong("char_ngram_min");
    int charMax = (int) config.getLong("char_ngram_max");
    if (wordMin < 1 || wordMax < wordMin || charMin < 1 || charMax < charMin) {
      throw new PluginException("n-gram ranges must satisfy 1 <= min <= max");
    }
    int epochs = (int) config.getLong("epochs");
    if (epochs < 1) {
      throw new PluginException("epochs must be at least 1");
    }
    long seed = config.getLong("seed");
    return new TemperatureCalibratedClassifier<>(
        () ->
            new LogisticRegressionIntentClassifier(
                new FeatureExtractor(wordMin, wordMax, charMin, charMax), epochs, seed));
  }
}
