package dev.parley.core.bot;

import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.ComponentConfig;
import dev.parley.core.bot.definition.SourceLocation;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.action.ActionFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a bot's in-process actions: every action of the domain that an installed action plugin
 * provides. Any other custom action needs the bot's action server ({@link ActionRoute}); without
 * one it is an error at the line that names the action.
 */
final class ActionAssembler {

  private static final String DOMAIN_FILE = "domain.yml";

  private final PluginRegistry registry;

  ActionAssembler(PluginRegistry registry) {
    this.registry = registry;
  }

  /** The in-process actions by name, in the domain's order. */
  Map<String, Action> actions(PluginWorkers workers) {
    Map<String, Action> actions = new LinkedHashMap<>();
    for (String name : workers.assembly().project().domain().actions()) {
      Optional<RegisteredPlugin> plugin = registry.find(PluginKind.ACTION, name);
      if (plugin.isEmpty()) {
        checkServedRemotely(workers.assembly(), name);
        continue;
      }
      ComponentConfig component = new ComponentConfig(name, Map.of(), DOMAIN_FILE, 0);
      workers
          .create(plugin.get(), ActionFactory.class, component, Optional.empty())
          .map(action -> workers.guarded(plugin.get(), action, PluginGuard::action))
          .ifPresent(action -> actions.put(name, action));
    }
    return actions;
  }

  /** An action that is neither built in nor a plugin needs an action server. */
  private void checkServedRemotely(Assembly assembly, String name) {
    BotProject project = assembly.project();
    ActionRoute route =
        ActionRoute.of(name, project.domain(), Set.of(), project.actionEndpoint().isPresent());
    if (route != ActionRoute.UNAVAILABLE) {
      return;
    }
    SourceLocation where =
        project.actionLocations().getOrDefault(name, new SourceLocation(DOMAIN_FILE, 0));
    assembly.error(
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
}
