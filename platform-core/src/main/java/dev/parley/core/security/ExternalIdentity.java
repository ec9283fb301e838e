package dev.parley.core.security;

import java.util.Collection;
import java.util.Optional;

/**
 * Callers authenticated by an external identity provider (a MicroProfile JWT that Liberty's {@code
 * mpJwt} feature has verified): their groups name the role. {@value #PLATFORM_ADMIN} is the
 * platform admin; {@code parley-tenant-admin:<tenant>} and {@code parley-tenant-viewer:<tenant>}
 * are a tenant's roles. A token with none of these groups is refused.
 */
public final class ExternalIdentity {

  /** The group of platform admins. */
  public static final String PLATFORM_ADMIN = "parley-platform-admin";

  /** The prefix of a tenant admin group, followed by the tenant's name. */
  public static final String TENANT_ADMIN_PREFIX = "parley-tenant-admin:";

  /** The prefix of a tenant viewer group, followed by the tenant's name. */
  public static final String TENANT_VIEWER_PREFIX = "parley-tenant-viewer:";

  private ExternalIdentity() {}

  /** The caller of a verified token; the strongest role wins (one tenant per caller). */
  public static Optional<Caller> fromGroups(String user, Collection<String> groups) {
    if (user == null || groups == null) {
      return Optional.empty();
    }
    if (groups.contains(PLATFORM_ADMIN)) {
      return Optional.of(new Caller(user, Role.PLATFORM_ADMIN, Optional.empty(), Optional.empty()));
    }
    Optional<Caller> admin = tenantRole(user, groups, TENANT_ADMIN_PREFIX, Role.TENANT_ADMIN);
    return admin.isPresent()
        ? admin
        : tenantRole(user, groups, TENANT_VIEWER_PREFIX, Role.TENANT_VIEWER);
  }

  private static Optional<Caller> tenantRole(
      String user, Collection<String> groups, String prefix, Role role) {
    return groups.stream()
        .filter(g -> g.startsWith(prefix) && g.length() > prefix.length())
        .sorted()
        .findFirst()
        .map(
            g ->
                new Caller(
                    user, role, Optional.of(g.substring(prefix.length())), Optional.empty()));
  }
}
