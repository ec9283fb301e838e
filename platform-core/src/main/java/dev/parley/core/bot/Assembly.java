package dev.parley.core.bot;

import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.ModelStorage;
import dev.parley.plugin.PluginConfig;
import dev.parley.plugin.PluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One build of a bot model in progress: the project, the version's artifacts, whether to train or
 * load (or only {@linkplain #checking check}), the training progress, and every problem found so
 * far, in the order found.
 */
final class Assembly {

  private final String tenant;
  private final String bot;
  private final BotProject project;
  private final Map<String, byte[]> artifacts;
  private final boolean train;
  private final boolean checkOnly;
  private final TrainingProgress progress;
  private final int steps;
  private int step;
  private final List<ValidationMessage> errors = new ArrayList<>();
  private final List<ValidationMessage> warnings = new ArrayList<>();
  private final Map<String, TrainedBy> trainedBy = new TreeMap<>();

  Assembly(
      String tenant,
      String bot,
      BotProject project,
      Map<String, byte[]> artifacts,
      boolean train,
      TrainingProgress progress) {
    this(tenant, bot, project, artifacts, train, false, progress);
  }

  private Assembly(
      String tenant,
      String bot,
      BotProject project,
      Map<String, byte[]> artifacts,
      boolean train,
      boolean checkOnly,
      TrainingProgress progress) {
    this.tenant = tenant;
    this.bot = bot;
    this.project = project;
    this.artifacts = artifacts;
    this.train = train;
    this.checkOnly = checkOnly;
    this.progress = progress;
    this.steps = project.config().pipeline().size() + project.config().policies().size();
  }

  /**
   * A build that only checks the project: components are resolved and their settings validated as
   * for training, but no worker is created, trained or loaded.
   */
  static Assembly checking(String tenant, String bot, BotProject project) {
    return new Assembly(tenant, bot, project, Map.of(), false, true, TrainingProgress.NONE);
  }

  /** Whether this build only checks the project and creates no worker. */
  boolean checkOnly() {
    return checkOnly;
  }

  String tenant() {
    return tenant;
  }

  String bot() {
    return bot;
  }

  BotProject project() {
    return project;
  }

  /** Whether workers learn from the project (new version) or load what an earlier training kept. */
  boolean train() {
    return train;
  }

  /** The artifacts of one pipeline entry, under {@code scope}. */
  ModelStorage storage(String scope) {
    return new ArtifactStorage(artifacts, scope + "/");
  }

  /**
   * Records that {@code plugin} trained (or, when loading, reads) the artifacts under {@code
   * scope}.
   */
  void trainedBy(String scope, RegisteredPlugin plugin) {
    trainedBy.put(
        scope, new TrainedBy(scope, plugin.kind().name(), plugin.id(), plugin.factory().version()));
  }

  /** Which plugin trained (or loads) each artifact scope so far, by scope. */
  List<TrainedBy> trainedBy() {
    return List.copyOf(trainedBy.values());
  }

  /** What a factory gets to create a worker of this bot with the given settings. */
  PluginContext context(PluginConfig config) {
    return new BotContext(
        config, project.config().language(), project.domain(), tenant + "/" + bot);
  }

  /** Reports that the next pipeline component or policy is being created (and trained). */
  void startStep(ComponentConfig component) {
    progress.report("training " + component.name(), step++, steps);
  }

  void error(ComponentConfig component, String text) {
    errors.add(message(component, text));
  }

  /** An error about one setting of the component, at the setting's line. */
  void error(ComponentConfig component, String setting, String text) {
    errors.add(new ValidationMessage(component.file(), component.lineOf(setting), text));
  }

  void error(ValidationMessage error) {
    errors.add(error);
  }

  void warn(ComponentConfig component, String text) {
    warnings.add(message(component, text));
  }

  /** A warning about one setting of the component, at the setting's line. */
  void warn(ComponentConfig component, String setting, String text) {
    warnings.add(new ValidationMessage(component.file(), component.lineOf(setting), text));
  }

  /**
   * The project's warnings, then those of the assembly.
   *
   * @throws BotDefinitionException with every error found, if any (and these warnings)
   */
  List<ValidationMessage> warningsOrThrow() {
    List<ValidationMessage> all = new ArrayList<>(project.warnings());
    all.addAll(warnings);
    if (!errors.isEmpty()) {
      throw new BotDefinitionException(errors, all);
    }
    return all;
  }

  private static ValidationMessage message(ComponentConfig component, String text) {
    return new ValidationMessage(component.file(), component.line(), text);
  }
}
