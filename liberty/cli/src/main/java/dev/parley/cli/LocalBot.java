package dev.parley.cli;

import dev.parley.core.bot.AssembledModel;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.TrainingProgress;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bot the commands work on without a server: a project folder, or a model file of {@code parley
 * train} (its project and trained artefacts). Plugins: the built-in ones plus the jars of {@code
 * PARLEY_PLUGIN_DIR} if set.
 */
final class LocalBot {

  static final String TENANT = "cli";

  private final String name;
  private final Map<String, String> files;
  private final Optional<Map<String, byte[]>> artifacts;
  private BotAssembler assembler;

  private LocalBot(
      String name, Map<String, String> files, Optional<Map<String, byte[]>> artifacts) {
    this.name = name;
    this.files = files;
    this.artifacts = artifacts;
  }

  /**
   * Opens a project folder, a model file, or a project zip (as the server's import takes it).
   *
   * @throws Arguments.UsageException when the path is neither
   * @throws IOException when a model file cannot be read
   */
  static LocalBot open(String path) throws IOException {
    Path where = Path.of(path);
    if (Files.isDirectory(where)) {
      Path absolute = where.toAbsolutePath().normalize();
      String name = absolute.getFileName() == null ? "bot" : absolute.getFileName().toString();
      return new LocalBot(name, ProjectFiles.fromDirectory(where), Optional.empty());
    }
    if (ModelFile.isModelFile(where) && !ModelFile.hasManifest(where)) {
      String file = where.getFileName().toString();
      String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
      return new LocalBot(name, ProjectFiles.fromZip(Files.readAllBytes(where)), Optional.empty());
    }
    if (ModelFile.isModelFile(where)) {
      ModelFile.Contents model = ModelFile.read(where);
      return new LocalBot(model.bot(), model.files(), Optional.of(model.artifacts()));
    }
    throw new Arguments.UsageException(path + ": no such project folder or model file");
  }

  /** The bot's name: the folder's, or the one its model file records. */
  String name() {
    return name;
  }

  /** The project's files, path to text. */
  Map<String, String> files() {
    return files;
  }

  /** Whether this is a model file whose artefacts are loaded instead of training. */
  boolean trained() {
    return artifacts.isPresent();
  }

  /**
   * Parses and validates the project.
   *
   * @throws dev.parley.core.bot.definition.BotDefinitionException with every problem found
   */
  BotProject parse() {
    return new BotProjectParser().parse(files);
  }

  /**
   * Checks the project's components and their settings as the server's import does, without
   * training.
   *
   * @return the warnings the import would give
   * @throws dev.parley.core.bot.definition.BotDefinitionException with every problem found
   */
  List<ValidationMessage> check(BotProject project) {
    return assembler().check(TENANT, name, project);
  }

  /** The bot model: loaded from the model file's artefacts, else trained now. */
  BotModel model(BotProject project) {
    if (artifacts.isPresent()) {
      return assembler().assemble(TENANT, name, 1, project, new HashMap<>(artifacts.get()), false);
    }
    return train(project, new HashMap<>());
  }

  /** Trains the bot; {@code artifacts} receives what the training stored. */
  BotModel train(BotProject project, Map<String, byte[]> artifacts) {
    return assembler().assemble(TENANT, name, 1, project, artifacts, true);
  }

  /**
   * Trains the bot, recording which plugin version trained each artefact scope (what a model file's
   * manifest names).
   */
  AssembledModel trainRecorded(BotProject project) {
    return assembler().train(TENANT, name, 1, project, TrainingProgress.NONE);
  }

  private BotAssembler assembler() {
    if (assembler == null) {
      assembler = new BotAssembler(registry(), LocalBot::unusedConnection);
    }
    return assembler;
  }

  /** The built-in plugins and those of {@code PARLEY_PLUGIN_DIR}. */
  static PluginRegistry registry() {
    String pluginDir = System.getenv().getOrDefault("PARLEY_PLUGIN_DIR", "");
    return PluginRegistry.withPluginFolder(
        Path.of(pluginDir.isBlank() ? "no-plugin-folder" : pluginDir).toAbsolutePath());
  }

  /**
   * The command line has no server-side LLM connections: a bot's LLM generation cannot reach one,
   * and its responses are sent as their templates.
   */
  private static Optional<Map<String, Object>> unusedConnection(String tenant, String connection) {
    return Optional.of(Map.of("base_url", "http://127.0.0.1:9/unused", "model", "unused"));
  }
}
