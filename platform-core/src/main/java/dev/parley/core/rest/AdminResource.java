package dev.parley.core.rest;

import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.rest.channel.ChannelPlugins;
import dev.parley.core.rest.dto.PluginDto;
import dev.parley.core.rest.dto.TenantCreatedDto;
import dev.parley.core.rest.dto.TenantDto;
import dev.parley.core.security.CurrentCaller;
import dev.parley.core.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API's tenants and installed plugins (bot import: {@link BotImportResource}).
 * Authenticated by {@link AdminAuthFilter}.
 */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  private TenantService tenants;
  private PluginRegistry plugins;
  private ChannelPlugins channels;
  private CurrentCaller caller;

  /** For CDI proxies. */
  protected AdminResource() {}

  /** Wires the collaborators. */
  @Inject
  public AdminResource(
      TenantService tenants,
      PluginRegistry plugins,
      ChannelPlugins channels,
      CurrentCaller caller) {
    this.tenants = tenants;
    this.plugins = plugins;
    this.channels = channels;
    this.caller = caller;
  }

  /** Creates a tenant; idempotent (201 when created, 200 when it existed). */
  @Operation(summary = "Creates a tenant")
  @PUT
  @Path("tenants/{tenant}")
  public Response createTenant(@PathParam("tenant") String tenant) {
    RequestChecks.name(tenant, "tenant");
    boolean created = tenants.create(tenant);
    return Response.status(created ? 201 : 200)
        .entity(new TenantCreatedDto(tenant, created))
        .build();
  }

  /** Lists the tenants the caller may read. */
  @Operation(summary = "Lists the tenants the caller may read")
  @GET
  @Path("tenants")
  public List<TenantDto> listTenants() {
    return tenants.all().stream()
        .filter(t -> caller.require().canRead(t.name()))
        .map(TenantDto::from)
        .toList();
  }

  /** Lists a tenant's bots. */
  @Operation(summary = "Lists a tenant's bots")
  @GET
  @Path("tenants/{tenant}/bots")
  public List<String> listBots(@PathParam("tenant") String tenant) {
    return tenants.botNames(tenant).orElseThrow(() -> ApiError.notFound("tenant"));
  }

  /**
   * The installed plugins, then the channels (built-in and third-party), each with the jar it came
   * from; a channel also with the paths it serves, or why it is off.
   */
  @Operation(summary = "The installed plugins and channels")
  @GET
  @Path("plugins")
  public List<PluginDto> listPlugins() {
    return Stream.concat(
            plugins.all().stream().map(PluginDto::from),
            channels.installed().stream().map(PluginDto::from))
        .toList();
  }
}
