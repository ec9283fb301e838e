package dev.parley.core.turn;

import dev.parley.plugin.nlu.ParseResult;
import java.util.List;

/**
 * What one turn produced.
 *
 * @param messages the bot's messages, in order
 * @param parse what NLU made of the user's message
 * @param actions the actions that ran
 */
public record TurnResult(List<BotMessage> messages, ParseResult parse, List<String> actions) {}
