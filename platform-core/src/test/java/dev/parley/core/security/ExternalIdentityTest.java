package dev.parley.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExternalIdentityTest {

  @Test
  void groupsNameTheRoleAndTenant() {
    assertEquals(
        Role.PLATFORM_ADMIN,
        ExternalIdentity.fromGroups("ops", List.of("x", "parley-platform-admin")).get().role());
    Caller admin =
        ExternalIdentity.fromGroups(
                "ann", List.of("parley-tenant-viewer:globex", "parley-tenant-admin:acme"))
            .get();
    assertEquals(Role.TENANT_ADMIN, admin.role());
    assertEquals(Optional.of("acme"), admin.tenant());
    assertTrue(admin.csrfToken().isEmpty());
    Caller viewer = ExternalIdentity.fromGroups("vic", List.of("parley-tenant-viewer:acme")).get();
    assertEquals(Role.TENANT_VIEWER, viewer.role());
    assertTrue(viewer.canRead("acme") && !viewer.canWrite("acme") && !viewer.canRead("globex"));
  }

  @Test
  void tokensWithoutParleyGroupsAreRefused() {
    assertTrue(ExternalIdentity.fromGroups("eve", List.of("staff")).isEmpty());
    assertTrue(ExternalIdentity.fromGroups("eve", List.of("parley-tenant-admin:")).isEmpty());
    assertTrue(ExternalIdentity.fromGroups(null, List.of("parley-platform-admin")).isEmpty());
  }
}
