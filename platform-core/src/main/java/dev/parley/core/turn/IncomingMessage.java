package dev.parley.core.turn;

import java.util.Map;

/**
 * A user message as a channel received it.
 *
 * @param sender the sender (conversation) id
 * @param text the text
 * @param messageId the client's message id, or {@code null}
 * @param metadata channel metadata
 * @param channel the channel name, e.g. {@code rest}
 */
public record IncomingMessage(
    String sender, String text, String messageId, Map<String, Object> metadata, String channel) {}
