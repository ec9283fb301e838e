package dev.parley.core.bot;

import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.ConfigProperty;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of a Rasa component that Parley does not use, e.g. {@code DIETClassifier}'s {@code
 * epochs}: each one is a warning at its line in {@code config.yml} naming the component, the option
 * and, where Parley has a setting of its own for it, that setting. Rasa projects keep importing;
 * options Parley honours ({@code priority}, the fallback thresholds, DIET's {@code
 * entity_recognition}, what a substitute declares) never warn.
 */
final class IgnoredOptions {

  /** Options of a Rasa component that Parley reads although no plugin declares them. */
  private static final Map<String, Set<String>> HONOURED =
      Map.of(
          ComponentCatalog.FALLBACK_CLASSIFIER, Set.of("threshold", "ambiguity_threshold"),
          ComponentCatalog.DIET_CLASSIFIER, Set.of("entity_recognition"));

  /** Read by {@link PolicyAssembler} for any policy. */
  private static final String PRIORITY = "priority";

  private static final String NGRAMS =
      "n-grams are set on the intent classifier: word_ngram_min, word_ngram_max, char_ngram_min"
          + " and char_ngram_max";

  /** What Parley uses instead of an option, by {@code component.option}. */
  private static final Map<String, String> INSTEAD =
      Map.of(
          "CountVectorsFeaturizer.analyzer", NGRAMS,
          "CountVectorsFeaturizer.min_ngram", NGRAMS,
          "CountVectorsFeaturizer.max_ngram", NGRAMS,
          "LogisticRegressionClassifier.max_iter", "set epochs instead",
          "LogisticRegressionClassifier.random_state", "set seed instead");

  private IgnoredOptions() {}

  /** Warns about each option of a component served by a substitute that it does not declare. */
  static void ofSubstitute(
      Assembly assembly, ComponentConfig component, RegisteredPlugin substitute) {
    Set<String> declared =
        substitute.factory().configProperties().stream()
            .map(ConfigProperty::name)
            .collect(Collectors.toSet());
    warn(
        assembly,
        component,
        declared,
        component.name() + " is served by " + substitute.id() + ", which has no such setting");
  }

  /** Warns about each option of a component Parley does not run. */
  static void ofAbsorbed(Assembly assembly, ComponentConfig component) {
    warn(assembly, component, Set.of(), "Parley does not run " + component.name());
  }

  /** Warns about each option of {@code FallbackClassifier} but its thresholds. */
  static void ofFallback(Assembly assembly, ComponentConfig component) {
    warn(
        assembly,
        component,
        Set.of(),
        "Parley reads only its threshold and ambiguity_threshold, or parley.fallback_threshold");
  }

  private static void warn(
      Assembly assembly, ComponentConfig component, Set<String> used, String why) {
    Set<String> honoured = HONOURED.getOrDefault(component.name(), Set.of());
    for (String option : component.params().keySet()) {
      if (used.contains(option) || honoured.contains(option) || option.equals(PRIORITY)) {
        continue;
      }
      String instead = INSTEAD.get(component.name() + "." + option);
      assembly.warn(
          component,
          option,
          component.name()
              + ": option '"
              + option
              + "' is ignored by Parley ("
              + why
              + (instead == null ? "" : "; " + instead)
              + ")");
    }
  }
}
