package dev.parley.core.security;

import java.util.Locale;
import java.util.Optional;

/** What a console user may do: everything, one tenant's everything, or read one tenant. */
public enum Role {
  /** All tenants, users and server maintenance (the {@code admin} account). */
  PLATFORM_ADMIN,
  /** One tenant's bots, keys, conversations and users. */
  TENANT_ADMIN,
  /** One tenant, read only (sensitive slot values masked). */
  TENANT_VIEWER;

  /** The name used in JSON ({@code tenant_admin}). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role of a JSON name, if it is one. */
  public static Optional<Role> fromJson(String name) {
    for (Role role : values()) {
      if (role.jsonName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
