package dev.parley.core.turn;

import dev.parley.core.bot.BotModel;
import dev.parley.plugin.conversation.ConversationView;

/** The "say" step: may rephrase a rendered response before it is sent and recorded. */
public interface ReplyPhrasing {

  /** Sends every response as its template. */
  ReplyPhrasing TEMPLATES = (message, conversation, model, budget) -> message;

  /**
   * The message to send for a rendered response.
   *
   * @param budget what is left of the turn's time for generation
   */
  BotMessage phrase(
      BotMessage message, ConversationView conversation, BotModel model, TurnBudget budget);
}
