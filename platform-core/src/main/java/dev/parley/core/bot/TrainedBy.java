package dev.parley.core.bot;

/**
 * Which plugin, at which version, trained (or loads) the artifacts under one scope of a model
 * version, e.g. {@code nlu/0/DIETClassifier} by {@code DIETClassifier 1.4.0}.
 *
 * @param scope the artifact scope: the artifacts' names start with it and a {@code /}
 * @param kind the plugin's extension point, as {@link dev.parley.plugin.PluginKind} names it
 * @param plugin the plugin's id
 * @param version the plugin's version
 */
public record TrainedBy(String scope, String kind, String plugin, String version) {

  /** How a message names it: {@code plugin version (scope)}. */
  public String describe() {
    return plugin + " " + version + " (" + scope + ")";
  }
}
