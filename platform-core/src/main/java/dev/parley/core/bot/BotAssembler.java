package dev.parley.core.bot;

import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.plugin.action.Action;
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
    PluginWorkers workers =
        new PluginWorkers(
            registry, guard, new Assembly(tenant, bot, project, artifacts, train, progress));
    NluAssembler.PipelineWorkers pipeline = nlu.pipeline(workers);
    List<RankedPolicy> ranked = policies.policies(workers);
    Map<String, Action> inProcess = actions.actions(workers);
    Optional<ReplyGeneration> replyGeneration = generation.generation(workers);
    List<RecheckStage> stages = nlu.recheckStages(workers);
    List<ValidationMessage> warnings = workers.assembly().warningsOrThrow();
    return new BotModel(
        tenant,
        bot,
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
