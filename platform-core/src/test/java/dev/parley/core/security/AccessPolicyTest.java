package dev.parley.core.security;

import static dev.parley.core.security.AccessPolicy.Decision.ALLOW;
import static dev.parley.core.security.AccessPolicy.Decision.FORBIDDEN;
import static dev.parley.core.security.AccessPolicy.Decision.HIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static final Caller ADMIN = Caller.basicAdmin();
  private static final Caller ACME_ADMIN =
      new Caller("ann", Role.TENANT_ADMIN, Optional.of("acme"), Optional.of("csrf"));
  private static final Caller ACME_VIEWER =
      new Caller("vic", Role.TENANT_VIEWER, Optional.of("acme"), Optional.of("csrf"));

  private static AccessPolicy.Decision decide(Caller caller, String method, String path) {
    return AccessPolicy.decide(caller, method, List.of(path.split("/")));
  }

  @Test
  void platformAdminMayDoAnything() {
    assertEquals(ALLOW, decide(ADMIN, "PUT", "admin/tenants/new"));
    assertEquals(ALLOW, decide(ADMIN, "POST", "admin/maintenance/reencrypt"));
  }

  @Test
  void tenantAdminWorksInTheirTenantOnly() {
    assertEquals(ALLOW, decide(ACME_ADMIN, "PUT", "admin/tenants/acme/bots/b"));
    assertEquals(ALLOW, decide(ACME_ADMIN, "POST", "admin/tenants/acme/bots/b/chat"));
    assertEquals(ALLOW, decide(ACME_ADMIN, "PUT", "admin/tenants/acme/users/bob"));
    assertEquals(HIDDEN, decide(ACME_ADMIN, "GET", "admin/tenants/other/bots/b"));
    assertEquals(HIDDEN, decide(ACME_ADMIN, "PUT", "admin/tenants/other/users/x"));
    assertEquals(FORBIDDEN, decide(ACME_ADMIN, "PUT", "admin/tenants/acme"));
    assertEquals(FORBIDDEN, decide(ACME_ADMIN, "PUT", "admin/tenants/newco"));
    assertEquals(FORBIDDEN, decide(ACME_ADMIN, "POST", "admin/maintenance/reencrypt"));
  }

  @Test
  void viewerReadsAndRunsTestsButChangesNothing() {
    assertEquals(ALLOW, decide(ACME_VIEWER, "GET", "admin/tenants/acme/bots/b/conversations"));
    assertEquals(ALLOW, decide(ACME_VIEWER, "POST", "admin/tenants/acme/bots/b/test/stories"));
    assertEquals(FORBIDDEN, decide(ACME_VIEWER, "PUT", "admin/tenants/acme/bots/b"));
    assertEquals(FORBIDDEN, decide(ACME_VIEWER, "POST", "admin/tenants/acme/bots/b/chat"));
    assertEquals(
        FORBIDDEN, decide(ACME_VIEWER, "DELETE", "admin/tenants/acme/bots/b/conversations/s"));
    assertEquals(FORBIDDEN, decide(ACME_VIEWER, "GET", "admin/tenants/acme/users"));
    assertEquals(HIDDEN, decide(ACME_VIEWER, "GET", "admin/tenants/other/bots/b"));
  }

  @Test
  void botsAreRenamedAndDeletedByTheirTenantsAdminsTenantsByThePlatformAdmin() {
    assertEquals(ALLOW, decide(ACME_ADMIN, "PATCH", "admin/tenants/acme/bots/b"));
    assertEquals(ALLOW, decide(ACME_ADMIN, "DELETE", "admin/tenants/acme/bots/b"));
    assertEquals(HIDDEN, decide(ACME_ADMIN, "DELETE", "admin/tenants/other/bots/b"));
    assertEquals(HIDDEN, decide(ACME_ADMIN, "PATCH", "admin/tenants/other/bots/b"));
    assertEquals(FORBIDDEN, decide(ACME_ADMIN, "DELETE", "admin/tenants/acme"));
    assertEquals(FORBIDDEN, decide(ACME_ADMIN, "PATCH", "admin/tenants/acme"));
    assertEquals(FORBIDDEN, decide(ACME_VIEWER, "DELETE", "admin/tenants/acme/bots/b"));
    assertEquals(FORBIDDEN, decide(ACME_VIEWER, "PATCH", "admin/tenants/acme/bots/b"));
    assertEquals(ALLOW, decide(ADMIN, "DELETE", "admin/tenants/acme"));
  }

  @Test
  void unknownAdminAreasAreClosedToTenantRoles() {
    assertEquals(ALLOW, decide(ACME_VIEWER, "GET", "admin/tenants"));
    assertEquals(ALLOW, decide(ACME_VIEWER, "GET", "admin/plugins"));
    assertEquals(FORBIDDEN, decide(ACME_ADMIN, "GET", "admin/something-new"));
    assertEquals(FORBIDDEN, decide(ACME_ADMIN, "POST", "admin/plugins"));
  }
}
