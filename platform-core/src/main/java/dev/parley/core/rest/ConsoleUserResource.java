package dev.parley.core.rest;

import dev.parley.core.rest.dto.ConsoleUserDto;
import dev.parley.core.rest.dto.UserDeletedDto;
import dev.parley.core.rest.dto.UserRequest;
import dev.parley.core.rest.dto.UserSavedDto;
import dev.parley.core.security.AdminCredentials;
import dev.parley.core.security.ConsoleUsers;
import dev.parley.core.security.Role;
import dev.parley.core.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's console users (platform admin and the tenant's admins; see AccessPolicy). */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin/tenants/{tenant}/users")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleUserResource {

  private static final int MIN_PASSWORD = 10;

  private ConsoleUsers users;
  private TenantService tenants;

  /** For CDI proxies. */
  protected ConsoleUserResource() {}

  /** Wires the collaborators. */
  @Inject
  public ConsoleUserResource(ConsoleUsers users, TenantService tenants) {
    this.users = users;
    this.tenants = tenants;
  }

  /** The tenant's users (names, roles, creation time; never hashes). */
  @Operation(summary = "The tenant's users: names, roles and creation times")
  @GET
  public List<ConsoleUserDto> list(@PathParam("tenant") String tenant) {
    requireTenant(tenant);
    return users.ofTenant(tenant).stream().map(ConsoleUserDto::from).toList();
  }

  /** Creates a user (201) or changes its role or password (200). */
  @Operation(summary = "Creates a user (201) or changes its role or password (200)")
  @PUT
  @Path("{user}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response save(
      @PathParam("tenant") String tenant, @PathParam("user") String user, UserRequest request) {
    requireTenant(tenant);
    RequestChecks.name(user, "user");
    if (user.equals(AdminCredentials.ADMIN_USER)) {
      throw ApiError.badRequest("reserved_name", "'admin' is the platform administrator");
    }
    Role role =
        Optional.ofNullable(request)
            .map(UserRequest::role)
            .flatMap(Role::fromJson)
            .filter(r -> r != Role.PLATFORM_ADMIN)
            .orElseThrow(
                () -> ApiError.badRequest("invalid_role", "role: tenant_admin or tenant_viewer"));
    Optional<String> password = Optional.ofNullable(request.password()).filter(p -> !p.isEmpty());
    if (password.isPresent() && password.get().length() < MIN_PASSWORD) {
      throw ApiError.badRequest(
          "weak_password", "a password needs at least " + MIN_PASSWORD + " characters");
    }
    if (password.isEmpty() && users.find(user).isEmpty()) {
      throw ApiError.badRequest("missing_password", "a new user needs a password");
    }
    boolean created;
    try {
      created = users.save(tenant, user, password, role);
    } catch (IllegalArgumentException e) {
      throw new ApiError(409, "user_exists", "the user name is taken", List.of());
    }
    return Response.status(created ? 201 : 200)
        .entity(new UserSavedDto(user, role.jsonName(), created))
        .build();
  }

  /** Deletes a user and ends their sessions. */
  @Operation(summary = "Deletes a user and ends their sessions")
  @DELETE
  @Path("{user}")
  public UserDeletedDto delete(@PathParam("tenant") String tenant, @PathParam("user") String user) {
    if (!users.delete(tenant, user)) {
      throw ApiError.notFound("user");
    }
    return new UserDeletedDto(user);
  }

  private void requireTenant(String tenant) {
    if (!tenants.exists(tenant)) {
      throw ApiError.notFound("tenant");
    }
  }
}
