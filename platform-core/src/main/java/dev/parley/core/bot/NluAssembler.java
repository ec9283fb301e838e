package dev.parley.core.bot;

import dev.parley.core.bot.ComponentCatalog.Plugin;
import dev.parley.core.bot.ComponentCatalog.Resolution;
import dev.parley.core.bot.PluginWorkers.ResolvedComponent;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.bot.definition.ParleySettings;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.EntityExtractorFactory;
import dev.parley.plugin.nlu.HeldOutPrediction;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentClassifierFactory;
import dev.parley.plugin.nlu.IntentRecheckFactory;
import dev.parley.plugin.nlu.SelfCalibrating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a bot's {@link NluRuntime}: the classifiers and entity extractors of its {@code pipeline}
 * (with the extractor standing in for {@code DIETClassifier}'s entity recognition), and the
 * re-check stages of {@code parley.recheck} with their deadlines and LLM connections.
 */
final class NluAssembler {

  private static final double DEFAULT_FALLBACK_THRESHOLD = 0.7;

  /** The classifier setting {@code parley.nlu.oos_intent} is handed to. */
  static final String OOS_INTENT = "oos_intent";

  private final ComponentCatalog catalog;
  private final LlmConnectionSettings connections;

  NluAssembler(ComponentCatalog catalog, LlmConnectionSettings connections) {
    this.catalog = catalog;
    this.connections = connections;
  }

  /**
   * The classifiers and extractors of the bot's pipeline, in order.
   *
   * @param classifiers the intent classifiers; the last one's ranking wins
   * @param extractors the entity extractors
   * @param heldOut the held-out predictions of the last classifier that measured itself
   */
  record PipelineWorkers(
      List<IntentClassifier> classifiers,
      List<EntityExtractor> extractors,
      List<List<HeldOutPrediction>> heldOut) {

    /** The held-out predictions of the last self-calibrating classifier (empty: none). */
    List<HeldOutPrediction> lastHeldOut() {
      return heldOut.isEmpty() ? List.of() : heldOut.get(heldOut.size() - 1);
    }
  }

  /** Creates (and trains or loads) the workers of the pipeline, reporting each component. */
  PipelineWorkers pipeline(PluginWorkers workers) {
    Assembly assembly = workers.assembly();
    List<ComponentConfig> pipeline = assembly.project().config().pipeline();
    PipelineWorkers created =
        new PipelineWorkers(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int index = 0;
    for (ComponentConfig component : pipeline) {
      String scope = "pipeline/" + index++ + "/";
      assembly.startStep(component);
      if (component.name().equals(ComponentCatalog.FALLBACK_CLASSIFIER)) {
        IgnoredOptions.ofFallback(assembly, component);
        continue;
      }
      workers
          .resolved(catalog.resolvePipeline(component), component)
          .map(resolved -> withOosIntent(resolved, assembly.project().config().parley()))
          .ifPresent(resolved -> add(workers, resolved, scope, created));
      catalog
          .entityCompanion(component, pipeline)
          .flatMap(companion -> companion(workers, companion))
          .ifPresent(resolved -> add(workers, resolved, scope + "entities/", created));
    }
    reportThreshold(assembly, pipeline, created);
    return created;
  }

  /**
   * Hands {@code parley.nlu.oos_intent} to a classifier that declares an {@code oos_intent}
   * setting, unless its pipeline entry sets one.
   */
  private static ResolvedComponent withOosIntent(
      ResolvedComponent resolved, ParleySettings settings) {
    boolean declares =
        resolved.plugin().kind() == PluginKind.INTENT_CLASSIFIER
            && resolved.plugin().factory().configProperties().stream()
                .anyMatch(p -> p.name().equals(OOS_INTENT));
    ComponentConfig component = resolved.component();
    if (!declares || component.params().containsKey(OOS_INTENT)) {
      return resolved;
    }
    Map<String, Object> params = new LinkedHashMap<>(component.params());
    params.put(OOS_INTENT, settings.oosIntent());
    return new ResolvedComponent(resolved.plugin(), component.withParams(params));
  }

  /** With {@code fallback_threshold: auto}, reports the threshold training chose, or why none. */
  private static void reportThreshold(
      Assembly assembly, List<ComponentConfig> pipeline, PipelineWorkers created) {
    ParleySettings settings = assembly.project().config().parley();
    if (settings.fallbackThreshold().isPresent() || created.classifiers().isEmpty()) {
      return;
    }
    ComponentConfig last = pipeline.get(pipeline.size() - 1);
    String defaultText = " (the default " + DEFAULT_FALLBACK_THRESHOLD + " is used)";
    if (created.lastHeldOut().isEmpty()) {
      assembly.warn(
          last,
          "fallback_threshold: auto needs a classifier that calibrates on held-out examples"
              + defaultText);
      return;
    }
    Optional<AutoThreshold.Choice> choice =
        AutoThreshold.choose(created.lastHeldOut(), settings.targetPrecision());
    assembly.warn(
        last,
        choice
            .map(AutoThreshold.Choice::summary)
            .orElse(
                "fallback_threshold: auto found no threshold keeping precision "
                    + settings.targetPrecision()
                    + " on "
                    + created.lastHeldOut().size()
                    + " held-out examples"
                    + defaultText));
  }

  /** Creates (and trains or loads) the re-check stages, in order. */
  List<RecheckStage> recheckStages(PluginWorkers workers) {
    List<RecheckStage> stages = new ArrayList<>();
    int index = 0;
    for (ComponentConfig component : workers.assembly().project().config().parley().recheck()) {
      recheckStage(workers, component, index++, stages).ifPresent(stages::add);
    }
    return stages;
  }

  /** The runtime serving the pipeline's workers and stages with the bot's thresholds. */
  static NluRuntime runtime(
      PipelineWorkers pipeline, List<RecheckStage> stages, ParleySettings settings) {
    Optional<AutoThreshold.Choice> choice =
        settings.fallbackThreshold().isPresent()
            ? Optional.empty()
            : AutoThreshold.choose(pipeline.lastHeldOut(), settings.targetPrecision());
    double threshold =
        settings
            .fallbackThreshold()
            .or(() -> choice.map(AutoThreshold.Choice::threshold))
            .orElse(DEFAULT_FALLBACK_THRESHOLD);
    return new NluRuntime(
        pipeline.classifiers(),
        pipeline.extractors(),
        stages,
        threshold,
        settings.ambiguityThreshold(),
        settings.rankingLength(),
        choice);
  }

  private static void add(
      PluginWorkers workers, ResolvedComponent resolved, String scope, PipelineWorkers into) {
    RegisteredPlugin plugin = resolved.plugin();
    Optional<String> artifacts = Optional.of(scope + plugin.id());
    if (plugin.kind() == PluginKind.INTENT_CLASSIFIER) {
      workers
          .create(plugin, IntentClassifierFactory.class, resolved.component(), artifacts)
          .map(
              classifier -> {
                if (classifier instanceof SelfCalibrating calibrated) {
                  into.heldOut().add(calibrated.heldOut());
                }
                return classifier;
              })
          .map(classifier -> workers.guarded(plugin, classifier, PluginGuard::classifier))
          .ifPresent(into.classifiers()::add);
    } else {
      workers
          .create(plugin, EntityExtractorFactory.class, resolved.component(), artifacts)
          .map(extractor -> workers.guarded(plugin, extractor, PluginGuard::extractor))
          .ifPresent(into.extractors()::add);
    }
  }

  /**
   * The extractor standing in for a component's entity recognition; when it is not installed, says
   * that entities are not learned.
   */
  private Optional<ResolvedComponent> companion(PluginWorkers workers, ComponentConfig companion) {
    Resolution resolution = catalog.resolvePipeline(companion);
    if (!(resolution instanceof Plugin)) {
      workers
          .assembly()
          .warn(
              companion,
              "DIETClassifier's entity recognition is served by "
                  + companion.name()
                  + ", which is not installed: entities are not learned from the examples");
      return Optional.empty();
    }
    workers
        .assembly()
        .warn(
            companion,
            "DIETClassifier's entity recognition is served by Parley's "
                + companion.name()
                + " (turn it off with entity_recognition: false)");
    return workers.resolved(resolution, companion);
  }

  /**
   * One stage of {@code parley.recheck}: the core keeps {@code timeout_ms} (its deadline) and
   * resolves {@code connection} to the server's LLM connection settings.
   */
  private Optional<RecheckStage> recheckStage(
      PluginWorkers workers, ComponentConfig component, int index, List<RecheckStage> earlier) {
    Optional<RegisteredPlugin> plugin =
        workers.installed(
            PluginKind.INTENT_RECHECK, component, "re-check stage", " in parley.recheck");
    if (plugin.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> params = new LinkedHashMap<>(component.params());
    Optional<Long> timeoutMillis = deadline(workers.assembly(), component, params);
    if (timeoutMillis.isEmpty() || !addConnection(workers.assembly(), component, params)) {
      return Optional.empty();
    }
    boolean declaresTimeout =
        plugin.get().factory().configProperties().stream()
            .anyMatch(p -> p.name().equals("timeout_ms"));
    if (declaresTimeout) {
      params.put("timeout_ms", LlmConnectionSettings.clientTimeoutMillis(timeoutMillis.get()));
    }
    ComponentConfig resolved = component.withParams(params);
    String id = plugin.get().id();
    long uses = earlier.stream().filter(s -> s.id().startsWith(id)).count();
    String stageId = uses == 0 ? id : id + "#" + (uses + 1);
    return workers
        .create(
            plugin.get(),
            IntentRecheckFactory.class,
            resolved,
            Optional.of("recheck/" + index + "/" + id))
        .map(worker -> new RecheckStage(stageId, worker, timeoutMillis.get()));
  }

  /** Takes the stage's {@code timeout_ms} out of its settings; empty, with an error, if invalid. */
  private static Optional<Long> deadline(
      Assembly assembly, ComponentConfig component, Map<String, Object> params) {
    Object timeout = params.remove("timeout_ms");
    if (timeout == null) {
      return Optional.of(RecheckStage.DEFAULT_TIMEOUT_MILLIS);
    }
    if (!(timeout instanceof Number number) || number.longValue() <= 0) {
      assembly.error(component, "parley.recheck timeout_ms must be a positive number");
      return Optional.empty();
    }
    return Optional.of(number.longValue());
  }

  /**
   * Replaces the stage's {@code connection} by the server's settings of that connection; false,
   * with an error, when it is not configured.
   */
  private boolean addConnection(
      Assembly assembly, ComponentConfig component, Map<String, Object> params) {
    Object name = params.remove("connection");
    if (name == null) {
      return true;
    }
    Optional<Map<String, Object>> connection =
        connections.find(assembly, component, String.valueOf(name));
    connection.ifPresent(params::putAll);
    return connection.isPresent();
  }
}
