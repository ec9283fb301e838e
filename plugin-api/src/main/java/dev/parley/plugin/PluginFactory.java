package dev.parley.plugin;

import java.util.List;

/**
 * Creates workers of one plugin. A factory is a server-wide singleton found through {@link
 * java.util.ServiceLoader}; list the implementation in {@code META-INF/services/<factory
 * interface>}.
 *
 * <pre>{@code
 * public final class KeywordClassifierFactory implements IntentClassifierFactory {
 *   public static final String ID = "KeywordIntentClassifier";
 *   public String id() { return ID; }
 *   public List<ConfigProperty> configProperties() {
 *     return List.of(ConfigProperty.bool("case_sensitive", false, "Match case exactly"));
 *   }
 *   public IntentClassifier create(PluginContext context) {
 *     return new KeywordClassifier(context.config().getBoolean("case_sensitive"));
 *   }
 * }
 * }</pre>
 *
 * @param <T> the worker type
 */
public interface PluginFactory<T> {

  /** The stable id a bot's {@code config.yml} names this plugin by; never renamed. */
  String id();

  /** Which extension point this factory serves. */
  PluginKind kind();

  /** The configuration keys this plugin accepts; anything else in the config is an error. */
  default List<ConfigProperty> configProperties() {
    return List.of();
  }

  /** A one-line description shown in the admin console. */
  default String description() {
    return "";
  }

  /** The plugin's version; by default the implementation version from the jar manifest. */
  default String version() {
    String version = getClass().getPackage().getImplementationVersion();
    return version == null ? "unversioned" : version;
  }

  /**
   * Creates a worker for one entry of a bot's pipeline; the same plugin may appear several times
   * with different configuration.
   *
   * @throws PluginException when the configuration cannot be honoured
   */
  T create(PluginContext context);
}
