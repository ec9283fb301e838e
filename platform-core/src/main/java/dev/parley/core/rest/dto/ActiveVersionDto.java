package dev.parley.core.rest.dto;

/** The version a bot now serves. */
public record ActiveVersionDto(String tenant, String bot, int activeVersion) {}
