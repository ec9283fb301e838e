package dev.parley.core.rest.dto;

/** A tenant's display name after renaming. */
public record TenantNameDto(String tenant, String displayName) {}
