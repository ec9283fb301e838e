package dev.parley.core.bot;

import dev.parley.core.bot.ComponentCatalog.Absorbed;
import dev.parley.core.bot.ComponentCatalog.Plugin;
import dev.parley.core.bot.ComponentCatalog.Resolution;
import dev.parley.core.bot.ComponentCatalog.Unknown;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.bot.definition.GeneratorSettings;
import dev.parley.core.bot.definition.SourceLocation;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.llm.checks.BuiltInChecks;
import dev.parley.core.plugin.PluginConfigValidator;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.PluginException;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.Trainable;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.action.ActionFactory;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.DialoguePolicyFactory;
import dev.parley.plugin.response.ReplyCheck;
import dev.parley.plugin.response.ResponseGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a parsed bot project into a {@link BotModel}: resolves every component to a plugin,
 * validates its settings, creates the workers, and trains them (new version) or loads what an
 * earlier training stored (existing version). Every problem is collected and reported with the file
 * and line of the component.
 */
public final class BotAssembler {

  private static final double DEFAULT_FALLBACK_THRESHOLD = 0.7;
  private static final long HTTP_GRACE_MILLIS = 500;

  private final PluginRegistry registry;
  private final ComponentCatalog catalog;
  private final LlmConnectionLookup llmConnections;
  private final PluginGuard guard;

  /** Uses the plugins of the given registry; bots cannot use LLM connections. */
  public BotAssembler(PluginRegistry registry) {
    this(registry, LlmConnectionLookup.NONE);
  }

  /** Uses the plugins of the given registry and the server's LLM connections. */
  public BotAssembler(PluginRegistry registry, LlmConnectionLookup llmConnections) {
    this(registry, llmConnections, PluginGuard.standalone());
  }

  /** The same, with in-process workers wrapped by the given guard. */
  public BotAssembler(
      PluginRegistry registry, LlmConnectionLookup llmConnections, PluginGuard guard) {
    this.registry = registry;
    this.catalog = new ComponentCatalog(registry);
    this.llmConnections = llmConnections;
    this.guard = guard;
  }

  /**
   * Builds a model.
   *
   * @param artifacts the version's stored artifacts; filled when {@code train} is true
   * @param train whether to train (new version) or load from {@code artifacts}
   * @throws BotDefinitionException with every problem found
   */
  public BotModel assemble(
      String tenant,
      String bot,
      int version,
      BotProject project,
      Map<String, byte[]> artifacts,
      boolean train) {
    return assemble(tenant, bot, version, project, artifacts, train, TrainingProgress.NONE);
  }

  /**
   * Builds a model, reporting each pipeline component and policy before it is created (and
   * trained).
   */
  public BotModel assemble(
      String tenant,
      String bot,
      int version,
      BotProject project,
      Map<String, byte[]> artifacts,
      boolean train,
      TrainingProgress progress) {
    int steps = project.config().pipeline().size() + project.config().policies().size();
    int step = 0;
    Assembly assembly = new Assembly(tenant, bot, project, artifacts, train);
    List<IntentClassifier> classifiers = new ArrayList<>();
    List<EntityExtractor> extractors = new ArrayList<>();
    int index = 0;
    for (ComponentConfig component : project.config().pipeline()) {
      String scope = "pipeline/" + index++ + "/";
      progress.report("training " + component.name(), step++, steps);
      if (component.name().equals(ComponentCatalog.FALLBACK_CLASSIFIER)) {
        continue;
      }
      List<Object> workers = new ArrayList<>();
      assembly.create(catalog.resolvePipeline(component), component, scope).ifPresent(workers::add);
      catalog
          .entityCompanion(component, project.config().pipeline())
          .flatMap(
              companion -> assembly.companion(catalog.resolvePipeline(companion), companion, scope))
          .ifPresent(workers::add);
      for (Object worker : workers) {
        if (worker instanceof IntentClassifier classifier) {
          classifiers.add(classifier);
        } else if (worker instanceof EntityExtractor extractor) {
          extractors.add(extractor);
        }
      }
    }
    List<RankedPolicy> policies = new ArrayList<>();
    index = 0;
    for (ComponentConfig component : project.config().policies()) {
      String scope = "policies/" + index++ + "/";
      progress.report("training " + component.name(), step++, steps);
      Resolution resolution = catalog.resolvePolicy(component);
      assembly
          .create(resolution, component, scope)
          .ifPresent(
              worker -> {
                DialoguePolicyFactory factory =
                    (DialoguePolicyFactory) ((Plugin) resolution).plugin().factory();
                policies.add(
                    new RankedPolicy(
                        factory.id(), priorityOf(component, factory), (DialoguePolicy) worker));
              });
    }
    Map<String, Action> actions = assembly.actions();
    Optional<ReplyGeneration> generation =
        project
            .config()
            .parley()
            .generator()
            .flatMap(settings -> assembly.generation(tenant, settings));
    List<RecheckStage> stages = new ArrayList<>();
    index = 0;
    for (ComponentConfig component : project.config().parley().recheck()) {
      assembly.recheckStage(tenant, component, index++, stages).ifPresent(stages::add);
    }
    if (!assembly.errors.isEmpty()) {
      throw new BotDefinitionException(assembly.errors);
    }
    var settings = project.config().parley();
    NluPipeline nlu =
        new NluPipeline(
            classifiers,
            extractors,
            stages,
            settings.fallbackThreshold().orElse(DEFAULT_FALLBACK_THRESHOLD),
            settings.ambiguityThreshold(),
            settings.rankingLength());
    List<ValidationMessage> warnings = new ArrayList<>(project.warnings());
    warnings.addAll(assembly.warnings);
    return new BotModel(
        tenant,
        bot,
        version,
        project.config(),
        project.domain(),
        nlu,
        policies,
        actions,
        warnings,
        generation,
        project.actionEndpoint());
  }

  private static int priorityOf(ComponentConfig component, DialoguePolicyFactory factory) {
    Object priority = component.params().get("priority");
    return priority instanceof Number number ? number.intValue() : factory.defaultPriority();
  }

  /** The state of one assembly: collected problems and the artifact map. */
  private final class Assembly {
    private final String tenant;
    private final String bot;
    private final String botName;
    private final BotProject project;
    private final Map<String, byte[]> artifacts;
    private final boolean train;
    private final List<ValidationMessage> errors = new ArrayList<>();
    private final List<ValidationMessage> warnings = new ArrayList<>();

    Assembly(
        String tenant,
        String bot,
        BotProject project,
        Map<String, byte[]> artifacts,
        boolean train) {
      this.tenant = tenant;
      this.bot = bot;
      this.botName = tenant + "/" + bot;
      this.project = project;
      this.artifacts = artifacts;
      this.train = train;
    }

    /**
     * Creates the extractor standing in for a component's entity recognition (stored under the
     * component's scope); when it is not installed, says that entities are not learned.
     */
    Optional<Object> companion(Resolution resolution, ComponentConfig companion, String scope) {
      if (!(resolution instanceof Plugin)) {
        warnings.add(
            message(
                companion,
                "DIETClassifier's entity recognition is served by "
                    + companion.name()
                    + ", which is not installed: entities are not learned from the examples"));
        return Optional.empty();
      }
      warnings.add(
          message(
              companion,
              "DIETClassifier's entity recognition is served by Parley's "
                  + companion.name()
                  + " (turn it off with entity_recognition: false)"));
      return create(resolution, companion, scope + "entities/");
    }

    Optional<Object> create(Resolution resolution, ComponentConfig component, String scope) {
      if (resolution instanceof Absorbed absorbed) {
        warnings.add(message(component, absorbed.note()));
        return Optional.empty();
      }
      if (resolution instanceof Unknown unknown) {
        errors.add(message(component, unknown.error()));
        return Optional.empty();
      }
      Plugin plugin = (Plugin) resolution;
      plugin.warning().ifPresent(warning -> warnings.add(message(component, warning)));
      Map<String, Object> params = new LinkedHashMap<>(component.params());
      params.remove("priority");
      var declared = plugin.plugin().factory().configProperties();
      if (plugin.warning().isPresent()) {
        params.keySet().removeIf(key -> declared.stream().noneMatch(p -> p.name().equals(key)));
      }
      ComponentConfig filtered =
          new ComponentConfig(component.name(), params, component.file(), component.line());
      Optional<Object> worker = instantiate(plugin.plugin(), filtered);
      return worker
          .filter(w -> trainOrLoad(w, component, scope + plugin.plugin().id()))
          .map(w -> guard.guard(plugin.plugin().kind(), plugin.plugin().id(), tenant, bot, w));
    }

    /**
     * One stage of {@code parley.recheck}: the core keeps {@code timeout_ms} (its deadline) and
     * resolves {@code connection} to the server's LLM connection settings.
     */
    Optional<RecheckStage> recheckStage(
        String tenant, ComponentConfig component, int index, List<RecheckStage> earlier) {
      Optional<RegisteredPlugin> plugin =
          installed(PluginKind.INTENT_RECHECK, component, "re-check stage", " in parley.recheck");
      if (plugin.isEmpty()) {
        return Optional.empty();
      }
      Map<String, Object> params = new LinkedHashMap<>(component.params());
      Object timeout = params.remove("timeout_ms");
      long timeoutMillis = RecheckStage.DEFAULT_TIMEOUT_MILLIS;
      if (timeout != null) {
        if (!(timeout instanceof Number number) || number.longValue() <= 0) {
          errors.add(message(component, "parley.recheck timeout_ms must be a positive number"));
          return Optional.empty();
        }
        timeoutMillis = number.longValue();
      }
      Object connectionName = params.remove("connection");
      if (connectionName != null) {
        Optional<Map<String, Object>> connection =
            llmConnections.find(tenant, String.valueOf(connectionName));
        if (connection.isEmpty()) {
          errors.add(
              message(
                  component,
                  "the LLM connection '"
                      + connectionName
                      + "' is not configured on this server for tenant '"
                      + tenant
                      + "': set "
                      + LlmConnectionNames.environmentPrefix(String.valueOf(connectionName))
                      + "BASE_URL and ..._MODEL (see README, LLM connections)"));
          return Optional.empty();
        }
        params.putAll(connection.get());
      }
      boolean declaresTimeout =
          plugin.get().factory().configProperties().stream()
              .anyMatch(p -> p.name().equals("timeout_ms"));
      if (declaresTimeout) {
        // The core's deadline decides; the plugin's own client gives up a little later.
        params.put("timeout_ms", timeoutMillis + HTTP_GRACE_MILLIS);
      }
      ComponentConfig resolved =
          new ComponentConfig(component.name(), params, component.file(), component.line());
      Optional<Object> worker = instantiate(plugin.get(), resolved);
      if (worker.isEmpty()) {
        return Optional.empty();
      }
      if (!trainOrLoad(worker.get(), component, "recheck/" + index + "/" + plugin.get().id())) {
        return Optional.empty();
      }
      long uses = earlier.stream().filter(s -> s.id().startsWith(plugin.get().id())).count();
      String id = uses == 0 ? plugin.get().id() : plugin.get().id() + "#" + (uses + 1);
      return Optional.of(
          new RecheckStage(id, (dev.parley.plugin.nlu.IntentRecheck) worker.get(), timeoutMillis));
    }

    Map<String, Action> actions() {
      Map<String, Action> actions = new LinkedHashMap<>();
      for (String name : project.domain().actions()) {
        Optional<RegisteredPlugin> plugin = registry.find(PluginKind.ACTION, name);
        if (plugin.isEmpty()) {
          checkServedRemotely(name);
          continue;
        }
        ActionFactory factory = (ActionFactory) plugin.get().factory();
        var validation = PluginConfigValidator.validate(name, factory.configProperties(), Map.of());
        if (!validation.problems().isEmpty()) {
          validation
              .problems()
              .forEach(problem -> errors.add(new ValidationMessage("domain.yml", 0, problem)));
          continue;
        }
        actions.put(
            name,
            guard.action(
                name,
                tenant,
                bot,
                factory.create(
                    new BotContext(
                        validation.config(),
                        project.config().language(),
                        project.domain(),
                        botName))));
      }
      return actions;
    }

    /** An action that is neither built in nor a plugin needs an action server. */
    private void checkServedRemotely(String name) {
      if (ActionRoute.isBuiltIn(name, project.domain()) || project.actionEndpoint().isPresent()) {
        return;
      }
      SourceLocation where =
          project.actionLocations().getOrDefault(name, new SourceLocation("domain.yml", 0));
      errors.add(
          new ValidationMessage(
              where.file(),
              where.line(),
              "action '"
                  + name
                  + "' is neither a built-in action nor an installed action plugin (installed: "
                  + registry.ids(PluginKind.ACTION)
                  + "), and the bot has no action server: add endpoints.yml with"
                  + " action_endpoint: {url: ...}"));
    }

    Optional<ReplyGeneration> generation(String tenant, GeneratorSettings settings) {
      ComponentConfig component = settings.plugin();
      for (String response : settings.responses()) {
        if (!project.domain().responses().containsKey(response)) {
          errors.add(
              message(
                  component,
                  "parley.generator.responses names '"
                      + response
                      + "', which the domain does not define"));
        }
      }
      Optional<RegisteredPlugin> plugin =
          installed(PluginKind.RESPONSE_GENERATOR, component, "response generator", "");
      if (plugin.isEmpty()) {
        return Optional.empty();
      }
      Optional<Map<String, Object>> connection = llmConnections.find(tenant, settings.connection());
      if (connection.isEmpty()) {
        errors.add(
            message(
                component,
                "the LLM connection '"
                    + settings.connection()
                    + "' is not configured on this server for tenant '"
                    + tenant
                    + "': set "
                    + LlmConnectionNames.environmentPrefix(settings.connection())
                    + "BASE_URL and ..._MODEL (see README, LLM connections)"));
        return Optional.empty();
      }
      Map<String, Object> params = new LinkedHashMap<>(component.params());
      params.putAll(connection.get());
      // The core's deadline decides; the plugin's HTTP client gives up a little later.
      params.put("timeout_ms", settings.timeoutMillis() + HTTP_GRACE_MILLIS);
      ComponentConfig withConnection =
          new ComponentConfig(component.name(), params, component.file(), component.line());
      List<ReplyCheck> checks =
          new ArrayList<>(BuiltInChecks.forMaxChars(settings.maxReplyChars()));
      for (ComponentConfig check : settings.checks()) {
        installed(PluginKind.REPLY_CHECK, check, "reply check", "")
            .flatMap(checkPlugin -> instantiate(checkPlugin, check))
            .map(ReplyCheck.class::cast)
            .ifPresent(checks::add);
      }
      return instantiate(plugin.get(), withConnection)
          .map(
              worker ->
                  new ReplyGeneration(
                      plugin.get().id(), (ResponseGenerator) worker, settings, checks));
    }

    /**
     * The installed plugin of this kind named by the component; otherwise an error naming what is
     * installed.
     */
    private Optional<RegisteredPlugin> installed(
        PluginKind kind, ComponentConfig component, String what, String where) {
      Optional<RegisteredPlugin> plugin = registry.find(kind, component.name());
      if (plugin.isEmpty()) {
        errors.add(
            message(
                component,
                "unknown "
                    + what
                    + " '"
                    + component.name()
                    + "'"
                    + where
                    + " (installed: "
                    + registry.ids(kind)
                    + ")"));
      }
      return plugin;
    }

    /**
     * Trains a trainable worker (new version) or loads what its training stored under {@code
     * scope}; false, with an error, when the plugin fails.
     */
    private boolean trainOrLoad(Object worker, ComponentConfig component, String scope) {
      if (!(worker instanceof Trainable trainable)) {
        return true;
      }
      ArtifactStorage storage = new ArtifactStorage(artifacts, scope + "/");
      try {
        if (train) {
          trainable.train(project.trainingData(), storage);
        } else {
          trainable.load(storage);
        }
        return true;
      } catch (PluginException | IllegalArgumentException | IllegalStateException e) {
        errors.add(message(component, component.name() + ": " + e.getMessage()));
        return false;
      }
    }

    private Optional<Object> instantiate(RegisteredPlugin plugin, ComponentConfig component) {
      var validation =
          PluginConfigValidator.validate(
              component.name(), plugin.factory().configProperties(), component.params());
      if (!validation.problems().isEmpty()) {
        validation.problems().forEach(problem -> errors.add(message(component, problem)));
        return Optional.empty();
      }
      try {
        return Optional.of(
            plugin
                .factory()
                .create(
                    new BotContext(
                        validation.config(),
                        project.config().language(),
                        project.domain(),
                        botName)));
      } catch (PluginException | IllegalArgumentException | IllegalStateException e) {
        errors.add(message(component, component.name() + ": " + e.getMessage()));
        return Optional.empty();
      }
    }

    private ValidationMessage message(ComponentConfig component, String text) {
      return new ValidationMessage(component.file(), component.line(), text);
    }
  }
}
