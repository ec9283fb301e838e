package dev.parley.core.turn;

import dev.parley.core.tracker.Tracker;

/**
 * A turn as Rasa's HTTP API reports it: what the turn produced and the conversation as it was saved
 * (for a repeated message id, as it already was).
 *
 * @param result the bot's messages, the parse and the actions
 * @param tracker the conversation after the turn (read-only use)
 */
public record TurnOutcome(TurnResult result, Tracker tracker) {}
