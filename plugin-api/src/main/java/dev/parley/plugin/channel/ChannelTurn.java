package dev.parley.plugin.channel;

import java.util.Map;
import java.util.Optional;

/**
 * One user message as a channel received it.
 *
 * @param sender the conversation's sender id (the tracker key within the bot)
 * @param text the text, or a button's payload such as {@code /inform{"cuisine":"italian"}}
 * @param messageId the client's message id, if any: a message id seen before is not run twice
 * @param metadata the channel's metadata for the message (stored with the user event)
 * @param authorization the caller's credentials, if any, as an HTTP {@code Authorization} value
 *     ({@code Bearer <bot key>}); a bot that is not public needs one
 */
public record ChannelTurn(
    String sender,
    String text,
    Optional<String> messageId,
    Map<String, Object> metadata,
    Optional<String> authorization) {

  /** Copies the metadata (it may hold JSON nulls). */
  public ChannelTurn {
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }
}
