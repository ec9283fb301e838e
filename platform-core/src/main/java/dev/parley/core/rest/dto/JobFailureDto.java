package dev.parley.core.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Why a background import failed: the status and error body the call would have answered. */
public record JobFailureDto(
    int status,
    String error,
    String message,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<?> details) {}
