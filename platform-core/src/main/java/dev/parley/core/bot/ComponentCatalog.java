package dev.parley.core.bot;

import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.PluginKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the component names of a Rasa {@code config.yml} to Parley plugins: a Parley id is used as
 * is; a Rasa name Parley covers differently is either absorbed (tokenizers and featurizers:
 * Parley's classifiers featurise for themselves) or substituted by the closest plugin, with a
 * warning naming the substitute; a component of an add-on this server was built without is an error
 * naming the build that has it ({@link AddOnComponents}); anything else is an error.
 */
final class ComponentCatalog {

  static final String FALLBACK_CLASSIFIER = "FallbackClassifier";
  static final String DIET_CLASSIFIER = "DIETClassifier";
  static final String CRF_ENTITY_EXTRACTOR = "CRFEntityExtractor";
  static final String RESPONSE_SELECTOR = "ResponseSelector";

  private static final Set<String> ABSORBED =
      Set.of(
          "WhitespaceTokenizer",
          "JiebaTokenizer",
          "SpacyTokenizer",
          "MitieTokenizer",
          "CountVectorsFeaturizer",
          "LexicalSyntacticFeaturizer",
          "RegexFeaturizer",
          "ConveRTFeaturizer",
          "LanguageModelFeaturizer",
          "SpacyFeaturizer",
          "MitieFeaturizer",
          "SpacyNLP",
          "MitieNLP");

  private static final Map<String, String> SUBSTITUTES =
      Map.of(
          "DIETClassifier", "CascadeIntentClassifier",
          "LogisticRegressionClassifier", "LogisticRegressionIntentClassifier",
          "SklearnIntentClassifier", "LogisticRegressionIntentClassifier",
          "KeywordIntentClassifier", "LogisticRegressionIntentClassifier",
          "MitieIntentClassifier", "LogisticRegressionIntentClassifier",
          "TEDPolicy", "AugmentedMemoizationPolicy");

  private final PluginRegistry registry;

  ComponentCatalog(PluginRegistry registry) {
    this.registry = registry;
  }

  /** How a pipeline or policy entry is served. */
  sealed interface Resolution {}

  /** Served by this plugin, possibly as a substitute (then with a warning). */
  record Plugin(RegisteredPlugin plugin, Optional<String> warning) implements Resolution {}

  /** Nothing to run; say why. */
  record Absorbed(String note) implements Resolution {}

  /** Cannot be honoured. */
  record Unknown(String error) implements Resolution {}

  Resolution resolvePipeline(ComponentConfig component) {
    String name = component.name();
    if (ABSORBED.contains(name)) {
      return new Absorbed(
          name + " is not needed: Parley's classifiers tokenise and featurise for themselves");
    }
    if (name.equals(RESPONSE_SELECTOR)) {
      return new Absorbed(
          name
              + " is not needed: the intent classifier learns retrieval intents (faq/ask_hours)"
              + " and the utter_faq action answers from the chosen one");
    }
    return resolve(name, Set.of(PluginKind.INTENT_CLASSIFIER, PluginKind.ENTITY_EXTRACTOR));
  }

  /**
   * The entity extractor that stands in for {@code DIETClassifier}'s own entity recognition (Rasa's
   * default {@code entity_recognition: true}): a {@code CRFEntityExtractor} with its default
   * settings, unless the component turns recognition off or the pipeline already names one.
   */
  Optional<ComponentConfig> entityCompanion(
      ComponentConfig component, List<ComponentConfig> pipeline) {
    if (!component.name().equals(DIET_CLASSIFIER)
        || Boolean.FALSE.equals(component.params().get("entity_recognition"))
        || pipeline.stream().anyMatch(c -> c.name().equals(CRF_ENTITY_EXTRACTOR))) {
      return Optional.empty();
    }
    return Optional.of(
        new ComponentConfig(CRF_ENTITY_EXTRACTOR, Map.of(), component.file(), component.line()));
  }

  Resolution resolvePolicy(ComponentConfig component) {
    return resolve(component.name(), Set.of(PluginKind.DIALOGUE_POLICY));
  }

  private Resolution resolve(String name, Set<PluginKind> kinds) {
    Optional<RegisteredPlugin> direct = find(name, kinds);
    if (direct.isPresent()) {
      return new Plugin(direct.get(), Optional.empty());
    }
    String substitute = SUBSTITUTES.get(name);
    if (substitute != null) {
      Optional<RegisteredPlugin> plugin = find(substitute, kinds);
      if (plugin.isPresent()) {
        return new Plugin(
            plugin.get(),
            Optional.of(
                name
                    + " is served by Parley's "
                    + substitute
                    + "; its settings that "
                    + substitute
                    + " does not declare are ignored"));
      }
    }
    Optional<String> addOn = AddOnComponents.missing(name);
    if (addOn.isPresent()) {
      return new Unknown(addOn.get());
    }
    return new Unknown(
        "unknown component '"
            + name
            + "': no installed plugin has this id (see GET /api/admin/plugins)");
  }

  private Optional<RegisteredPlugin> find(String id, Set<PluginKind> kinds) {
    return kinds.stream().flatMap(kind -> registry.find(kind, id).stream()).findFirst();
  }
}
