package dev.parley.core.bot;

import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;

/** Parses a user message with a version of a bot; the server adds its cache, guard and metrics. */
@FunctionalInterface
public interface MessageParser {

  /** Runs the bot's pipeline directly (tests, tools). */
  MessageParser DIRECT = (model, message) -> model.nlu().parse(message);

  /** The parse of the message by this version of the bot. */
  ParseResult parse(BotModel model, Message message);
}
