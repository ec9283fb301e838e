package dev.parley.core.rest.dto;

/** A deleted console user. */
public record UserDeletedDto(String deleted) {}
