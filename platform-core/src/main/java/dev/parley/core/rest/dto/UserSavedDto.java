package dev.parley.core.rest.dto;

/** A console user created or changed. */
public record UserSavedDto(String user, String role, boolean created) {}
