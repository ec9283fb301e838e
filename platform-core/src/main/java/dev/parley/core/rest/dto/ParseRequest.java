package dev.parley.core.rest.dto;

/**
 * Rasa's {@code model/parse} request.
 *
 * @param text the text to parse
 * @param messageId optional message id
 */
public record ParseRequest(Object text, String messageId) {}
