package dev.parley.core.rest.dto;

/**
 * Creates or changes a console user of a tenant.
 *
 * @param role {@code tenant_admin} or {@code tenant_viewer}
 * @param password the new password (required for a new user, optional otherwise)
 */
public record UserRequest(String role, String password) {}
