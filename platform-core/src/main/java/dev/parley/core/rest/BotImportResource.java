package dev.parley.core.rest;

import dev.parley.core.admin.BotAdminService;
import dev.parley.core.bot.BotService;
import dev.parley.core.bot.ImportResult;
import dev.parley.core.bot.ModelArchive;
import dev.parley.core.bot.TrainedModelRejected;
import dev.parley.core.bot.TrainingJobs;
import dev.parley.core.bot.TrainingProgress;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.nlu.eval.JsonlProject;
import dev.parley.core.rest.dto.ImportDto;
import dev.parley.core.security.CurrentCaller;
import dev.parley.core.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Creating or replacing a bot from a project zip or a JSONL data set: trains it and activates the
 * new version, now or as a background job. Authenticated by {@link AdminAuthFilter}.
 */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class BotImportResource {

  private TenantService tenants;
  private BotService bots;
  private CurrentCaller caller;
  private TrainingJobs jobs;
  private BotAdminService admin;

  /** For CDI proxies. */
  protected BotImportResource() {}

  /** Wires the collaborators. */
  @Inject
  public BotImportResource(
      TenantService tenants,
      BotService bots,
      CurrentCaller caller,
      TrainingJobs jobs,
      BotAdminService admin) {
    this.tenants = tenants;
    this.bots = bots;
    this.caller = caller;
    this.jobs = jobs;
    this.admin = admin;
  }

  /**
   * Creates or replaces a bot from a project zip, trains it and activates the new version; {@code
   * note} (optional, at most 2000 characters) says what the version changes and why. A model file
   * of the command line's {@code parley train} is served without training when its artifacts are
   * valid for this server; otherwise its project is trained, or with {@code trained=require} it is
   * refused with 409 {@code trained_model_rejected}. A truncated or damaged zip is refused with 400
   * {@code invalid_zip} and stores nothing.
   */
  @Operation(
      summary =
          "Creates or replaces a bot from a project zip (or a model trained by the command line),"
              + " trains it (or loads the trained model) and activates the new version")
  @PUT
  @Path("tenants/{tenant}/bots/{bot}")
  @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
  public Response importBot(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("async") boolean async,
      @QueryParam("note") String note,
      @QueryParam("trained") String trained,
      byte[] zip) {
    checkTarget(tenant, bot);
    if (note != null && note.length() > BotAdminService.MAX_NOTE_CHARS) {
      throw ApiError.badRequest("note_too_long", "a version note has at most 2000 characters");
    }
    boolean requireLoaded = ImportChecks.requireLoaded(trained);
    byte[] body = ImportChecks.zip(zip);
    Optional<ModelArchive> archive = ImportChecks.modelArchive(body);
    if (archive.isPresent()) {
      String user = caller.require().user();
      return imported(
          tenant,
          bot,
          progress ->
              rejectedAsConflict(
                  () ->
                      bots.importTrained(
                          tenant, bot, archive.get(), requireLoaded, user, progress)),
          async,
          note);
    }
    Map<String, String> files = ProjectFiles.fromZip(body);
    return imported(tenant, bot, files, async, note);
  }

  /**
   * Creates or replaces a bot from a labelled data set in JSONL ({@code {"text", "intent",
   * "entities"}} per line): the intents, entity types and annotated examples become a Rasa project
   * with Parley's default pipeline for {@code language}.
   */
  @Operation(
      summary =
          "Creates or replaces a bot from a labelled data set in JSONL ({\"text\", \"intent\", \"entities\"} per line)")
  @PUT
  @Path("tenants/{tenant}/bots/{bot}")
  @Consumes({"application/x-ndjson", "application/jsonl"})
  public Response importJsonl(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("language") @DefaultValue("en") String language,
      @QueryParam("async") boolean async,
      String jsonl) {
    checkTarget(tenant, bot);
    ImportChecks.language(language);
    return imported(
        tenant,
        bot,
        JsonlProject.files(ImportChecks.examples(jsonl), JsonlProject.defaultConfig(language)),
        async,
        null);
  }

  /** A background import's stage, percent and, once finished, its answer or error. */
  @Operation(
      summary = "A background import's stage, percent and, once finished, its answer or error")
  @GET
  @Path("tenants/{tenant}/bots/{bot}/jobs/{job}")
  public Map<String, Object> job(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("job") String job) {
    return jobs.find(job)
        .filter(j -> j.of(tenant, bot))
        .map(TrainingJobs.Job::describe)
        .orElseThrow(() -> ApiError.notFound("job"));
  }

  private void checkTarget(String tenant, String bot) {
    RequestChecks.name(tenant, "tenant");
    RequestChecks.name(bot, "bot");
    if (!tenants.exists(tenant)) {
      throw ApiError.notFound("tenant");
    }
  }

  private Response imported(
      String tenant, String bot, Map<String, String> files, boolean async, String note) {
    String user = caller.require().user();
    return imported(
        tenant,
        bot,
        progress -> bots.importProject(tenant, bot, files, false, user, progress),
        async,
        note);
  }

  private Response imported(
      String tenant,
      String bot,
      Function<TrainingProgress, ImportResult> importing,
      boolean async,
      String note) {
    if (async) {
      TrainingJobs.Job job =
          jobs.start(
              tenant,
              bot,
              progress ->
                  ImportChecks.asMap(
                      ImportDto.from(
                          tenant, bot, noted(tenant, bot, importing.apply(progress), note))),
              ImportChecks::failure);
      return Response.status(202).entity(job.describe()).build();
    }
    ImportResult result = noted(tenant, bot, importing.apply(TrainingProgress.NONE), note);
    return Response.status(result.created() ? 201 : 200)
        .entity(ImportDto.from(tenant, bot, result))
        .build();
  }

  /** A trained model that must load but cannot: 409 with the reason. */
  private static ImportResult rejectedAsConflict(Supplier<ImportResult> importing) {
    try {
      return importing.get();
    } catch (TrainedModelRejected rejected) {
      throw new ApiError(
          409,
          "trained_model_rejected",
          "the trained model cannot be loaded: " + rejected.getMessage(),
          List.of());
    }
  }

  private ImportResult noted(String tenant, String bot, ImportResult result, String note) {
    if (note != null && !note.isBlank() && !result.unchanged()) {
      admin.annotate(tenant, bot, result.version(), note);
    }
    return result;
  }
}
