package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.core.tracker.Tracker;

/** Runs actions on a bot's action server (Rasa's action-server protocol). */
public interface RemoteActions {

  /** For bots without an action server: every call fails. */
  RemoteActions NONE = (action, tracker, model) -> new ActionOutcome.Failed("no_action_server");

  /**
   * Runs the action remotely; never throws.
   *
   * @param tracker the conversation as the action server should see it
   */
  ActionOutcome run(String action, Tracker tracker, BotModel model);
}
