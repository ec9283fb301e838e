package dev.parley.core.security;

import java.util.List;
import java.util.Set;

/**
 * Which admin calls a caller may make, decided on the server for every {@code /api/admin/...} path.
 * Anything not listed here is for the platform admin only, so a new admin call is closed until it
 * is given a rule.
 *
 * <ul>
 *   <li>{@code GET admin/tenants}, {@code GET admin/plugins}, {@code admin/session}: any signed-in
 *       caller (the tenant list is filtered to what the caller may read);
 *   <li>{@code admin/tenants/{t}} itself (create, rename, delete): platform admin;
 *   <li>{@code admin/tenants/{t}/users...}: the platform admin and the tenant's admins;
 *   <li>{@code admin/tenants/{t}/...}: reading needs {@link Caller#canRead}; changes, chatting with
 *       a bot, renaming or deleting a bot and erasing need {@link Caller#canWrite}; viewers may run
 *       tests ({@code POST .../test/...}), which change nothing.
 * </ul>
 */
public final class AccessPolicy {

  /** The outcome of a check. */
  public enum Decision {
    /** The call may proceed. */
    ALLOW,
    /** The caller may see the tenant but not do this (HTTP 403). */
    FORBIDDEN,
    /** The tenant is not the caller's: answered as if it did not exist (HTTP 404). */
    HIDDEN
  }

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private AccessPolicy() {}

  /** Whether the method changes nothing. */
  public static boolean safe(String method) {
    return SAFE.contains(method);
  }

  /**
   * Decides one call.
   *
   * @param method the HTTP method
   * @param segments the path below {@code /api}, split at {@code /} ({@code admin, tenants, ...})
   */
  public static Decision decide(Caller caller, String method, List<String> segments) {
    if (caller.platformAdmin()) {
      return Decision.ALLOW;
    }
    if (segments.size() < 2) {
      return Decision.FORBIDDEN;
    }
    String area = segments.get(1);
    boolean read = safe(method);
    if (segments.size() == 2 && read && (area.equals("tenants") || area.equals("plugins"))) {
      return Decision.ALLOW;
    }
    if (area.equals("session")) {
      return Decision.ALLOW;
    }
    if (!area.equals("tenants") || segments.size() < 3) {
      return Decision.FORBIDDEN;
    }
    String tenant = segments.get(2);
    if (segments.size() == 3 && !read) {
      return Decision.FORBIDDEN; // creating or deleting tenants
    }
    if (!caller.canRead(tenant)) {
      return Decision.HIDDEN;
    }
    if (segments.size() == 3) {
      return Decision.ALLOW;
    }
    if (segments.get(3).equals("users")) {
      return caller.canWrite(tenant) ? Decision.ALLOW : Decision.FORBIDDEN;
    }
    if (read || caller.canWrite(tenant)) {
      return Decision.ALLOW;
    }
    boolean test = segments.size() >= 6 && segments.get(5).equals("test") && method.equals("POST");
    return test ? Decision.ALLOW : Decision.FORBIDDEN;
  }
}
