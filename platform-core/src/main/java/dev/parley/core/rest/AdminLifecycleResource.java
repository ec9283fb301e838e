package dev.parley.core.rest;

import dev.parley.core.bot.BotService;
import dev.parley.core.security.ConsoleUserEntity;
import dev.parley.core.security.ConsoleUsers;
import dev.parley.core.tenant.TenantRepository;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renaming (the display name; ids stay, as channel URLs use them) and deleting tenants and bots.
 * Who may call what is decided by {@link dev.parley.core.security.AccessPolicy}: tenants are the
 * platform admin's, a tenant's bots also its admins'.
 */
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminLifecycleResource {

  private static final int MAX_DISPLAY_NAME = 120;

  private TenantRepository tenants;
  private BotService bots;
  private ConsoleUsers users;

  /** For CDI proxies. */
  protected AdminLifecycleResource() {}

  /** Wires the collaborators. */
  @Inject
  public AdminLifecycleResource(TenantRepository tenants, BotService bots, ConsoleUsers users) {
    this.tenants = tenants;
    this.bots = bots;
    this.users = users;
  }

  /** Sets a tenant's display name ({@code {"display_name": ...}}; empty resets it to the id). */
  @PATCH
  @Path("tenants/{tenant}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> renameTenant(
      @PathParam("tenant") String tenant, Map<String, Object> body) {
    String name = displayName(body);
    if (!tenants.renameTenant(tenant, name)) {
      throw ApiError.notFound("tenant");
    }
    return Map.of(
        "tenant", tenant, "display_name", tenants.tenant(tenant).orElseThrow().getDisplayName());
  }

  /**
   * Deletes a tenant and its users. A tenant with bots answers 409 unless {@code cascade=true},
   * which deletes the bots (versions, conversations) first.
   */
  @DELETE
  @Path("tenants/{tenant}")
  public Map<String, Object> deleteTenant(
      @PathParam("tenant") String tenant, @QueryParam("cascade") boolean cascade) {
    if (!tenants.tenantExists(tenant)) {
      throw ApiError.notFound("tenant");
    }
    List<String> botNames = tenants.botNames(tenant);
    if (!botNames.isEmpty() && !cascade) {
      throw new ApiError(
          409,
          "tenant_has_bots",
          "tenant "
              + tenant
              + " still has "
              + botNames.size()
              + " bot(s); delete them first or pass cascade=true",
          botNames);
    }
    botNames.forEach(bot -> bots.deleteBot(tenant, bot));
    for (ConsoleUserEntity user : users.ofTenant(tenant)) {
      users.delete(tenant, user.getName());
    }
    tenants.deleteTenant(tenant);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tenant", tenant);
    out.put("deleted", true);
    out.put("deleted_bots", botNames);
    return out;
  }

  /** Sets a bot's display name ({@code {"display_name": ...}}; empty resets it to the id). */
  @PATCH
  @Path("tenants/{tenant}/bots/{bot}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> renameBot(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot, Map<String, Object> body) {
    String name = displayName(body);
    if (!tenants.renameBot(tenant, bot, name)) {
      throw ApiError.notFound("bot");
    }
    return Map.of(
        "tenant",
        tenant,
        "bot",
        bot,
        "display_name",
        tenants.bot(tenant, bot).orElseThrow().getDisplayName());
  }

  /** Deletes a bot: it stops serving, its versions, artifacts and conversations are erased. */
  @DELETE
  @Path("tenants/{tenant}/bots/{bot}")
  public Map<String, Object> deleteBot(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot) {
    if (!bots.deleteBot(tenant, bot)) {
      throw ApiError.notFound("bot");
    }
    return Map.of("tenant", tenant, "bot", bot, "deleted", true);
  }

  private static String displayName(Map<String, Object> body) {
    if (body == null || !body.containsKey("display_name")) {
      throw ApiError.badRequest("missing_display_name", "send {\"display_name\": \"...\"}");
    }
    Object value = body.get("display_name");
    if (value != null && !(value instanceof String)) {
      throw ApiError.badRequest("invalid_display_name", "display_name must be a string");
    }
    String name = value == null ? "" : ((String) value).strip();
    if (name.length() > MAX_DISPLAY_NAME) {
      throw ApiError.badRequest(
          "invalid_display_name",
          "display_name is longer than " + MAX_DISPLAY_NAME + " characters");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest("invalid_display_name", "display_name has control characters");
    }
    return name.isEmpty() ? null : name;
  }
}
