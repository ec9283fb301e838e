package dev.parley.core.rest;

import dev.parley.core.admin.BotAdminService;
import dev.parley.core.rest.dto.ActiveVersionDto;
import dev.parley.core.rest.dto.ApiKeyDto;
import dev.parley.core.rest.dto.BotVersionsDto;
import dev.parley.core.rest.dto.ProjectCheckDto;
import dev.parley.core.rest.dto.ProjectFilesRequest;
import dev.parley.core.rest.dto.VersionFilesDto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One bot for the console: its versions (with the files each changed), project files, export as a
 * zip, activating a stored version (roll back) and a new API key. The work is {@link
 * BotAdminService}'s.
 */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class BotVersionsResource {

  private static final long MAX_VALIDATE_CHARS = 20L << 20;

  private BotAdminService bots;

  /** For CDI proxies. */
  protected BotVersionsResource() {}

  /** Wires the service. */
  @Inject
  public BotVersionsResource(BotAdminService bots) {
    this.bots = bots;
  }

  /** The bot: active version, visibility, warnings and the versions, newest first. */
  @Operation(summary = "The bot")
  @GET
  @Path("tenants/{tenant}/bots/{bot}/versions")
  public BotVersionsDto describe(@PathParam("tenant") String tenant, @PathParam("bot") String bot) {
    return BotVersionsDto.from(tenant, bot, bots.history(tenant, bot));
  }

  /** The project files of a version (default: the active one). */
  @Operation(summary = "The project files of a version (default: the active one)")
  @GET
  @Path("tenants/{tenant}/bots/{bot}/files")
  public VersionFilesDto files(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("version") Integer version) {
    BotAdminService.ProjectVersion files = bots.files(tenant, bot, version);
    return new VersionFilesDto(files.version(), files.files());
  }

  /** The project of a version as a zip (default: the active one). */
  @Operation(summary = "The project of a version as a zip (default: the active one)")
  @GET
  @Path("tenants/{tenant}/bots/{bot}/export")
  @Produces("application/zip")
  public Response export(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("version") Integer version) {
    BotAdminService.ProjectArchive archive = bots.export(tenant, bot, version);
    String name = tenant + "-" + bot + "-v" + archive.version() + ".zip";
    return Response.ok(archive.zip(), "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  /** Makes a stored version the one that serves (roll back or forward); no retraining. */
  @Operation(summary = "Makes a stored version the one that serves (roll back or forward)")
  @POST
  @Path("tenants/{tenant}/bots/{bot}/versions/{version}/activate")
  public ActiveVersionDto activate(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("version") int version) {
    bots.activate(tenant, bot, version);
    return new ActiveVersionDto(tenant, bot, version);
  }

  /**
   * Validates a project's files as an import would, without training or storing (the console's
   * editor calls it while you type); answers 200 with the problems (errors) and the warnings, each
   * at its file and line with its severity.
   */
  @Operation(summary = "Validates a project's files as an import would, without training")
  @POST
  @Path("tenants/{tenant}/bots/{bot}/validate")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProjectCheckDto validate(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      ProjectFilesRequest request) {
    if (request == null || request.files() == null || request.files().isEmpty()) {
      throw ApiError.badRequest("empty_body", "send {\"files\": {path: text}}");
    }
    long size = request.files().values().stream().mapToLong(t -> t == null ? 0 : t.length()).sum();
    if (size > MAX_VALIDATE_CHARS) {
      throw ApiError.badRequest("body_too_large", "the project exceeds 20 MiB");
    }
    return ProjectCheckDto.from(bots.check(tenant, bot, request.files()));
  }

  /** Replaces the bot's API key; the new key is shown only in this answer. */
  @Operation(summary = "Replaces the bot's API key")
  @POST
  @Path("tenants/{tenant}/bots/{bot}/key")
  public ApiKeyDto newKey(@PathParam("tenant") String tenant, @PathParam("bot") String bot) {
    return new ApiKeyDto(tenant, bot, bots.newKey(tenant, bot));
  }
}
