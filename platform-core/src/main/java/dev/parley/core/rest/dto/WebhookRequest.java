package dev.parley.core.rest.dto;

import java.util.Map;

/**
 * Rasa's REST channel request.
 *
 * @param sender the sender id ({@code default} when absent)
 * @param message the text
 * @param messageId the client's message id, optional
 * @param metadata channel metadata, optional
 * @param inputChannel the channel to record the message as coming from ({@code rest} when absent),
 *     as Rasa's REST channel takes it; a member that forwards a channel plugin's turn sets it
 */
public record WebhookRequest(
    String sender,
    Object message,
    String messageId,
    Map<String, Object> metadata,
    String inputChannel) {}
