package dev.parley.core.bot;

import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.plugin.action.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a parsed bot project into a {@link BotModel}: the NLU ({@link NluAssembler}), the policies
 * ({@link PolicyAssembler}), the in-process actions ({@link ActionAssembler}) and the LLM
 * generation ({@link GenerationAssembler}). Their workers are trained (new version) or loaded from
 * what an earlier training stored (existing version). Every problem is collected and reported with
 * the file and line of the component.
 */
public final class BotAssembler {

  private final PluginRegistry registry;
  private final PluginGuard guard;
  private final NluAssembler nlu;
  private final PolicyAssembler policies;
  private final ActionAssembler actions;
  private final GenerationAssembler generation;

  /** Uses the plugins of the given registry; bots cannot use LLM connections. */
  public BotAssembler(PluginRegistry registry) {
    this(registry, LlmConnectionLookup.NONE);
  }

  /** Uses the plugins of the given registry and the server's LLM connections. */
  public BotAssembler(PluginRegistry registry, LlmConnectionLookup llmConnections) {
    this(registry, llmConnections, PluginGuard.standalone());
  }

  /**
   * Uses the plugins of the given registry and the server's LLM connections; in-process workers run
   * behind the given guard.
   */
  public BotAssembler(
      PluginRegistry registry, LlmConnectionLookup llmConnections, PluginGuard guard) {
    ComponentCatalog catalog = new ComponentCatalog(registry);
    LlmConnectionSettings connections = new LlmConnectionSettings(llmConnections);
    this.registry = registry;
    this.guard = guard;
    this.nlu = new NluAssembler(catalog, connections);
    this.policies = new PolicyAssembler(catalog);
    this.actions = new ActionAssembler(registry);
    this.generation = new GenerationAssembler(connections);
  }

  /**
   * Checks a project as {@link #assemble} would, without creating, training or loading any worker:
   * each component is resolved to its plugin and its settings are validated against the plugin's
   * declared ones (types, bounds, options), and connections and actions are looked up.
   *
   * @return the warnings an import would give (the project's, then the components')
   * @throws BotDefinitionException with every problem an import would refuse
   */
  public List<ValidationMessage> check(String tenant, String bot, BotProject project) {
    PluginWorkers workers =
        new PluginWorkers(registry, guard, Assembly.checking(tenant, bot, project));
    nlu.pipeline(workers);
    policies.policies(workers);
    actions.actions(workers);
    generation.generation(workers);
    nlu.recheckStages(workers);
    return workers.assembly().warningsOrThrow();
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
    return build(new Assembly(tenant, bot, project, artifacts, train, progress), version);
  }

  /**
   * Trains a new model and says which plugin, at which version, trained each artifact scope (what a
   * trained model's manifest records).
   *
   * @throws BotDefinitionException with every problem found
   */
  public AssembledModel train(
      String tenant, String bot, int version, BotProject project, TrainingProgress progress) {
    Map<String, byte[]> artifacts = new HashMap<>();
    Assembly assembly = new Assembly(tenant, bot, project, artifacts, true, progress);
    BotModel model = build(assembly, version);
    return new AssembledModel(model, artifacts, assembly.trainedBy());
  }

  /**
   * Loads a model from stored artifacts and says which plugin, at which version, loaded each
   * artifact scope.
   *
   * @throws BotDefinitionException with every problem found (a plugin that cannot read its
   *     artifacts among them)
   */
  public AssembledModel load(
      String tenant, String bot, int version, BotProject project, Map<String, byte[]> artifacts) {
    Map<String, byte[]> copy = new HashMap<>(artifacts);
    Assembly assembly = new Assembly(tenant, bot, project, copy, false, TrainingProgress.NONE);
    BotModel model = build(assembly, version);
    return new AssembledModel(model, copy, assembly.trainedBy());
  }

  private BotModel build(Assembly assembly, int version) {
    PluginWorkers workers = new PluginWorkers(registry, guard, assembly);
    NluAssembler.PipelineWorkers pipeline = nlu.pipeline(workers);
    List<RankedPolicy> ranked = policies.policies(workers);
    Map<String, Action> inProcess = actions.actions(workers);
    Optional<ReplyGeneration> replyGeneration = generation.generation(workers);
    List<RecheckStage> stages = nlu.recheckStages(workers);
    List<ValidationMessage> warnings = workers.assembly().warningsOrThrow();
    BotProject project = assembly.project();
    return new BotModel(
        assembly.tenant(),
        assembly.bot(),
        version,
        project.config(),
        project.domain(),
        NluAssembler.runtime(pipeline, stages, project.config().parley()),
        ranked,
        inProcess,
        warnings,
        replyGeneration,
        project.actionEndpoint());
  }
}
