package dev.parley.plugin.channel;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the core offers a channel. A turn runs exactly as a REST turn does: the conversation's lock,
 * the message id's idempotency, persistence, and routing to the cluster member that owns the
 * conversation. The tracker key is {@code (tenant, bot, sender)}, whatever the channel, so a
 * conversation started on one channel continues on another with the same sender.
 */
public interface ChannelHost {

  /**
   * Runs a turn of a bot. The stage completes with the bot's messages once the turn is done (a
   * channel that answers synchronously waits for it; one that pushes sends them when it completes).
   * It completes exceptionally with {@link TurnRefusedException} when the caller may not talk to
   * the bot or the message is not acceptable; a failure inside the bot gives the bot's apology
   * instead.
   *
   * @param bot the bot and the channel's settings
   * @param turn the sender, the text and its metadata
   */
  CompletionStage<List<OutgoingMessage>> run(ChannelBot bot, ChannelTurn turn);
}
