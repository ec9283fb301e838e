package dev.parley.core.rest.dto;

import java.util.Map;

/**
 * Rasa's REST channel request.
 *
 * @param sender the sender id ({@code default} when absent)
 * @param message the text
 * @param messageId the client's message id, optional
 * @param metadata channel metadata, optional
 */
public record WebhookRequest(
    String sender, Object message, String messageId, Map<String, Object> metadata) {}
