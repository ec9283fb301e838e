package dev.parley.core.rest.dto;

/** A conversation erased, by its sender id. */
public record ErasedDto(String erased) {}
