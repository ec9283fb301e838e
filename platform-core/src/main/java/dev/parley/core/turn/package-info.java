/**
 * One way through a turn: {@link dev.parley.core.turn.TurnProcessor} locks, loads, parses, runs the
 * {@link dev.parley.core.turn.DialogueLoop} (extract, validate, predict, act, say) and saves; story
 * tests run the same loop; {@link dev.parley.core.turn.ConversationQueries} serves trackers and
 * erasure. Action servers and reply phrasing are ports ({@code RemoteActions}, {@code
 * ReplyPhrasing}) that {@code actionserver} and {@code llm} implement. Rule: it may use {@code
 * bot}, {@code config}, {@code json}, {@code plugin} and {@code tracker}; never {@code nlu} (the
 * parse comes through {@code bot.MessageParser}), {@code llm}, {@code actionserver}, {@code admin}
 * or {@code rest}.
 */
package dev.parley.core.turn;
