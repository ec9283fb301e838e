package dev.parley.core.bot;

import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.PluginKind;
import java.util.List;
import java.util.Optional;

/**
 * Whether a trained model's artifacts may serve on this server as they are: the format is the one
 * this build loads, they were trained from exactly the project files beside them, every artifact
 * belongs to a plugin the manifest names, and each of those plugins is installed here at the same
 * version. Each check gives the reason it fails, for the import's answer.
 */
final class TrainedModelCheck {

  private final PluginRegistry registry;

  TrainedModelCheck(PluginRegistry registry) {
    this.registry = registry;
  }

  /** Why the archive's artifacts cannot be loaded before trying to, or empty when they may be. */
  Optional<String> mismatch(ModelArchive archive) {
    ModelArchive.Manifest manifest = archive.manifest();
    if (!ModelArchive.FORMAT.equals(manifest.format())) {
      return Optional.of(
          "the model format is '"
              + manifest.format()
              + "', this server loads '"
              + ModelArchive.FORMAT
              + "' (train it with the command line of this server's version)");
    }
    String filesHash = ProjectHash.of(archive.files());
    if (manifest.projectHash().isEmpty()) {
      return Optional.of("the manifest has no project hash");
    }
    if (!manifest.projectHash().get().equals(filesHash)) {
      return Optional.of(
          "the project files differ from those the model was trained from (project hash "
              + filesHash
              + ", trained from "
              + manifest.projectHash().get()
              + ")");
    }
    for (String artifact : archive.artifacts().keySet()) {
      if (manifest.trainedBy().stream().noneMatch(by -> artifact.startsWith(by.scope() + "/"))) {
        return Optional.of(
            "the artifact '" + artifact + "' belongs to no plugin the manifest names");
      }
    }
    for (TrainedBy by : manifest.trainedBy()) {
      Optional<String> problem = installed(by);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /**
   * Why the model loaded from the archive differs from the one that was trained: a scope the
   * manifest names that no plugin loaded here, or one loaded by another plugin; empty when the
   * same.
   */
  static Optional<String> loadedDifferently(List<TrainedBy> trained, List<TrainedBy> loaded) {
    for (TrainedBy here : loaded) {
      if (!trained.contains(here)) {
        return Optional.of(
            "this server loads "
                + here.describe()
                + ", which did not train the model (trained by: "
                + String.join(", ", trained.stream().map(TrainedBy::describe).toList())
                + ")");
      }
    }
    for (TrainedBy there : trained) {
      if (!loaded.contains(there)) {
        return Optional.of("this server's model has no " + there.describe());
      }
    }
    return Optional.empty();
  }

  private Optional<String> installed(TrainedBy by) {
    PluginKind kind;
    try {
      kind = PluginKind.valueOf(by.kind());
    } catch (IllegalArgumentException unknown) {
      return Optional.of("the plugin kind '" + by.kind() + "' of " + by.plugin() + " is unknown");
    }
    Optional<RegisteredPlugin> plugin = registry.find(kind, by.plugin());
    if (plugin.isEmpty()) {
      return Optional.of(
          "the plugin " + by.plugin() + " that trained " + by.scope() + " is not installed here");
    }
    String version = plugin.get().factory().version();
    if (!version.equals(by.version())) {
      return Optional.of(
          "the plugin "
              + by.plugin()
              + " trained "
              + by.scope()
              + " at version "
              + by.version()
              + ", this server has version "
              + version);
    }
    return Optional.empty();
  }
}
