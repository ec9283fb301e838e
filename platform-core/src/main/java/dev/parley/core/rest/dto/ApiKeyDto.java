package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A bot's new API key, shown only in this answer. */
public record ApiKeyDto(String tenant, String bot, @JsonProperty("apiKey") String apiKey) {}
