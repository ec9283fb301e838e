package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An error body: a stable code, a message and, when there are any, details. */
public record ErrorDto(
    String error, String message, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<?> details) {}
