package dev.parley.core.rest.dto;

/** A deleted bot. */
public record BotDeletedDto(String tenant, String bot, boolean deleted) {}
