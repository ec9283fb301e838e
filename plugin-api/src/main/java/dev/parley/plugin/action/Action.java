package dev.parley.plugin.action;

import dev.parley.plugin.bot.Domain;
import dev.parley.plugin.conversation.ConversationView;

/**
 * A custom action run in-process when a policy predicts its name. It must not block for long;
 * remote work belongs on an action server.
 */
public interface Action {

  /**
   * Runs the action.
   *
   * @throws dev.parley.plugin.PluginException to reject the action (another may be predicted)
   */
  ActionResult run(ConversationView conversation, Domain domain);
}
