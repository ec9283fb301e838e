package dev.parley.core.turn;

import dev.parley.plugin.nlu.ParseResult;
import java.util.List;

/**
 * What one turn produced.
 *
 * @param messages the bot's messages, in order
 * @param parse what NLU made of the user's message
 * @param actions the actions that ran
 * @param slotFillFailed whether a form asked for a slot and, after this answer, asks for it again
 */
public record TurnResult(
    List<BotMessage> messages, ParseResult parse, List<String> actions, boolean slotFillFailed) {

  /** A turn that filled no form slot it was asked for, or had none to fill. */
  public TurnResult(List<BotMessage> messages, ParseResult parse, List<String> actions) {
    this(messages, parse, actions, false);
  }
}
