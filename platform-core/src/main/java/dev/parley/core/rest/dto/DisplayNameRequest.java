package dev.parley.core.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sets a display name: {@code {"display_name": "..."}}; {@code null} or empty resets it to the id.
 *
 * @param displayName the JSON value as sent ({@code null} when the field is missing), checked by
 *     the resource
 */
public record DisplayNameRequest(JsonNode displayName) {}
