package dev.parley.core.bot;

import dev.parley.core.bot.definition.RasaDefaultActions;
import dev.parley.plugin.bot.Domain;
import java.util.Set;

/**
 * Where an action runs. The one rule used by live turns, story tests and the check of a bot's
 * definition: default actions, responses and forms run in the core; a custom action runs in-process
 * when an action plugin provides it, else on the bot's action server when the domain declares it
 * and the bot has one; anything else cannot run.
 */
public enum ActionRoute {
  /** A default action, an {@code utter_} response or a form. */
  CORE,
  /** A custom action provided by an installed action plugin. */
  PLUGIN,
  /** A custom action served by the bot's action server. */
  ACTION_SERVER,
  /** A custom action that nothing can run. */
  UNAVAILABLE;

  /**
   * The route of an action.
   *
   * @param name the action's name
   * @param domain the bot's domain
   * @param pluginActions the names of the bot's in-process actions
   * @param hasActionServer whether the bot has an action server
   * @return where the action runs
   */
  public static ActionRoute of(
      String name, Domain domain, Set<String> pluginActions, boolean hasActionServer) {
    if (isBuiltIn(name, domain)) {
      return CORE;
    }
    if (pluginActions.contains(name)) {
      return PLUGIN;
    }
    return hasActionServer && domain.actions().contains(name) ? ACTION_SERVER : UNAVAILABLE;
  }

  /** Whether the core itself runs the action: a default action, a response or a form. */
  public static boolean isBuiltIn(String name, Domain domain) {
    return name.startsWith("utter_")
        || domain.form(name).isPresent()
        || RasaDefaultActions.NAMES.contains(name);
  }

  /** Whether the action is a custom one, run by a plugin or an action server. */
  public boolean isCustom() {
    return this != CORE;
  }
}
