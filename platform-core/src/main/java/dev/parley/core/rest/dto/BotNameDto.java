package dev.parley.core.rest.dto;

/** A bot's display name after renaming. */
public record BotNameDto(String tenant, String bot, String displayName) {}
