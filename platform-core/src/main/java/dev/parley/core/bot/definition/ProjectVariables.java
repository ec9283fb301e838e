package dev.parley.core.bot.definition;

import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Server variables a bot project may use in {@code endpoints.yml}. Only names starting with {@value
 * #PREFIX} can be read, so that a tenant cannot read the server's secrets through substitution.
 */
public final class ProjectVariables {

  /** The only names a project may substitute. */
  public static final String PREFIX = "ACTION_";

  private ProjectVariables() {}

  /** Whether a project may read this variable. */
  static boolean allowed(String name) {
    return name.matches(PREFIX + "[A-Za-z0-9_]+");
  }

  /**
   * Looks names up through MicroProfile Config (environment, system properties, config files), or,
   * outside a server, in the environment.
   */
  public static Function<String, Optional<String>> fromServer() {
    return name -> {
      try {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
      } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
        return Optional.ofNullable(System.getenv(name));
      }
    };
  }
}
