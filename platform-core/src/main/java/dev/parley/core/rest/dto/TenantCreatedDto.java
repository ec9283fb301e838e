package dev.parley.core.rest.dto;

/** A tenant created, or found existing. */
public record TenantCreatedDto(String tenant, boolean created) {}
