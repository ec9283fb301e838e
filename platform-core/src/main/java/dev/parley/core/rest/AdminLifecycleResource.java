package dev.parley.core.rest;

import dev.parley.core.admin.BotAdminService;
import dev.parley.core.rest.dto.BotDeletedDto;
import dev.parley.core.rest.dto.BotNameDto;
import dev.parley.core.rest.dto.DisplayNameRequest;
import dev.parley.core.rest.dto.TenantDeletedDto;
import dev.parley.core.rest.dto.TenantNameDto;
import dev.parley.core.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renaming (the display name; ids stay, as channel URLs use them) and deleting tenants and bots.
 * Who may call what is decided by {@link dev.parley.core.security.AccessPolicy}: tenants are the
 * platform admin's, a tenant's bots also its admins'.
 */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLifecycleResource {

  private TenantService tenants;
  private BotAdminService bots;

  /** For CDI proxies. */
  protected AdminLifecycleResource() {}

  /** Wires the services. */
  @Inject
  public AdminLifecycleResource(TenantService tenants, BotAdminService bots) {
    this.tenants = tenants;
    this.bots = bots;
  }

  /** Sets a tenant's display name ({@code {"display_name": ...}}; empty resets it to the id). */
  @Operation(summary = "Sets a tenant's display name")
  @PATCH
  @Path("tenants/{tenant}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TenantNameDto renameTenant(
      @PathParam("tenant") String tenant, DisplayNameRequest request) {
    String name = RequestChecks.displayName(request);
    return new TenantNameDto(
        tenant, tenants.rename(tenant, name).orElseThrow(() -> ApiError.notFound("tenant")));
  }

  /**
   * Deletes a tenant and its users. A tenant with bots answers 409 unless {@code cascade=true},
   * which deletes the bots (versions, conversations) first; all in one transaction.
   */
  @Operation(summary = "Deletes a tenant and its users")
  @DELETE
  @Path("tenants/{tenant}")
  public TenantDeletedDto deleteTenant(
      @PathParam("tenant") String tenant, @QueryParam("cascade") boolean cascade) {
    return new TenantDeletedDto(tenant, true, bots.deleteTenant(tenant, cascade));
  }

  /** Sets a bot's display name ({@code {"display_name": ...}}; empty resets it to the id). */
  @Operation(summary = "Sets a bot's display name")
  @PATCH
  @Path("tenants/{tenant}/bots/{bot}")
  @Consumes(MediaType.APPLICATION_JSON)
  public BotNameDto renameBot(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      DisplayNameRequest request) {
    String name = RequestChecks.displayName(request);
    return new BotNameDto(
        tenant, bot, bots.rename(tenant, bot, name).orElseThrow(() -> ApiError.notFound("bot")));
  }

  /** Deletes a bot: it stops serving, its versions, artifacts and conversations are erased. */
  @Operation(summary = "Deletes a bot")
  @DELETE
  @Path("tenants/{tenant}/bots/{bot}")
  public BotDeletedDto deleteBot(@PathParam("tenant") String tenant, @PathParam("bot") String bot) {
    if (!bots.deleteBot(tenant, bot)) {
      throw ApiError.notFound("bot");
    }
    return new BotDeletedDto(tenant, bot, true);
  }
}
