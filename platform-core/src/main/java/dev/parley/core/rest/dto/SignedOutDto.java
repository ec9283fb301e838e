package dev.parley.core.rest.dto;

/** The answer to signing out. */
public record SignedOutDto(boolean signedOut) {}
