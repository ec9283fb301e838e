package dev.parley.core.security;

import java.util.Optional;

/**
 * Who makes an admin call.
 *
 * @param user the user name
 * @param role the user's role
 * @param tenant the tenant of a tenant role (empty for the platform admin)
 * @param csrfToken the session's CSRF token when signed in with a cookie (empty for HTTP Basic)
 */
public record Caller(String user, Role role, Optional<String> tenant, Optional<String> csrfToken) {

  /** The platform admin, authenticated by HTTP Basic. */
  public static Caller basicAdmin() {
    return new Caller(
        AdminCredentials.ADMIN_USER, Role.PLATFORM_ADMIN, Optional.empty(), Optional.empty());
  }

  /** Whether the caller administers the whole platform. */
  public boolean platformAdmin() {
    return role == Role.PLATFORM_ADMIN;
  }

  /** Whether the caller may read anything of the tenant. */
  public boolean canRead(String tenantName) {
    return platformAdmin() || tenant.filter(tenantName::equals).isPresent();
  }

  /** Whether the caller may change the tenant's bots, keys, conversations and users. */
  public boolean canWrite(String tenantName) {
    return platformAdmin() || (role == Role.TENANT_ADMIN && canRead(tenantName));
  }

  /** Whether sensitive slot values are shown to the caller. */
  public boolean seesSensitive(String tenantName) {
    return canWrite(tenantName);
  }
}
