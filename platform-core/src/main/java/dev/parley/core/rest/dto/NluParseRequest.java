package dev.parley.core.rest.dto;

import java.util.Map;

/**
 * A dialogue server's parse call to an NLU server.
 *
 * @param tenant the bot's tenant
 * @param bot the bot
 * @param version the model version that must parse the text
 * @param text the message text
 * @param metadata the message's channel metadata (may be null)
 */
public record NluParseRequest(
    String tenant, String bot, Integer version, String text, Map<String, Object> metadata) {}
