package dev.parley.core.rest;

import dev.parley.core.bot.BotService;
import dev.parley.core.bot.ImportResult;
import dev.parley.core.bot.TrainingJobs;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.ProjectFiles;
import dev.parley.core.nlu.eval.JsonlProject;
import dev.parley.core.nlu.eval.LabelledData;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.RegisteredPlugin;
import dev.parley.core.security.CurrentCaller;
import dev.parley.core.tenant.TenantRepository;
import dev.parley.plugin.bot.NluExample;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin API: tenants, bot import, installed plugins. Authenticated by {@link AdminAuthFilter}.
 */
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  private static final int MAX_ZIP_BYTES = 20 << 20;
  private static final Logger LOG = Logger.getLogger(AdminResource.class.getName());

  private TenantRepository tenants;
  private BotService bots;
  private PluginRegistry plugins;
  private CurrentCaller caller;
  private TrainingJobs jobs;

  /** For CDI proxies. */
  protected AdminResource() {}

  /** Wires the collaborators. */
  @Inject
  public AdminResource(
      TenantRepository tenants,
      BotService bots,
      PluginRegistry plugins,
      CurrentCaller caller,
      TrainingJobs jobs) {
    this.jobs = jobs;
    this.tenants = tenants;
    this.caller = caller;
    this.bots = bots;
    this.plugins = plugins;
  }

  /** Creates a tenant; idempotent (201 when created, 200 when it existed). */
  @PUT
  @Path("tenants/{tenant}")
  public Response createTenant(@PathParam("tenant") String tenant) {
    RequestChecks.name(tenant, "tenant");
    boolean created = tenants.createTenant(tenant);
    return Response.status(created ? 201 : 200)
        .entity(Map.of("tenant", tenant, "created", created))
        .build();
  }

  /** Lists the tenants the caller may read. */
  @GET
  @Path("tenants")
  public List<Map<String, Object>> listTenants() {
    return tenants.tenants().stream()
        .filter(t -> caller.require().canRead(t.getName()))
        .map(
            t -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("tenant", t.getName());
              row.put("display_name", t.getDisplayName());
              row.put("created_at", t.getCreatedAt().toString());
              row.put("bots", tenants.botNames(t.getName()));
              row.put("bot_display_names", tenants.botDisplayNames(t.getName()));
              return row;
            })
        .toList();
  }

  /** Lists a tenant's bots. */
  @GET
  @Path("tenants/{tenant}/bots")
  public List<String> listBots(@PathParam("tenant") String tenant) {
    if (!tenants.tenantExists(tenant)) {
      throw ApiError.notFound("tenant");
    }
    return tenants.botNames(tenant);
  }

  /** Creates or replaces a bot from a project zip, trains it and activates the new version. */
  @PUT
  @Path("tenants/{tenant}/bots/{bot}")
  @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
  public Response importBot(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("async") boolean async,
      byte[] zip) {
    RequestChecks.name(tenant, "tenant");
    RequestChecks.name(bot, "bot");
    if (!tenants.tenantExists(tenant)) {
      throw ApiError.notFound("tenant");
    }
    if (zip == null || zip.length == 0) {
      throw ApiError.badRequest("empty_body", "send the bot project as a zip file");
    }
    if (zip.length > MAX_ZIP_BYTES) {
      throw new ApiError(413, "body_too_large", "bot zip exceeds 20 MiB", List.of());
    }
    return imported(tenant, bot, ProjectFiles.fromZip(zip), async);
  }

  /**
   * Creates or replaces a bot from a labelled data set in JSONL ({@code {"text", "intent",
   * "entities"}} per line): the intents, entity types and annotated examples become a Rasa project
   * with Parley's default pipeline for {@code language}.
   */
  @PUT
  @Path("tenants/{tenant}/bots/{bot}")
  @Consumes({"application/x-ndjson", "application/jsonl"})
  public Response importJsonl(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("language") @DefaultValue("en") String language,
      @QueryParam("async") boolean async,
      String jsonl) {
    RequestChecks.name(tenant, "tenant");
    RequestChecks.name(bot, "bot");
    if (!tenants.tenantExists(tenant)) {
      throw ApiError.notFound("tenant");
    }
    if (!language.matches("[a-z]{2,3}([-_][A-Za-z]{2,4})?")) {
      throw ApiError.badRequest("invalid_language", "language must be a code such as en or zh");
    }
    if (jsonl == null || jsonl.isBlank()) {
      throw ApiError.badRequest("empty_body", "send the data set as JSONL lines");
    }
    if (jsonl.length() > MAX_ZIP_BYTES) {
      throw new ApiError(413, "body_too_large", "data set exceeds 20 MiB", List.of());
    }
    List<NluExample> examples;
    try {
      examples = LabelledData.jsonl(jsonl);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_data_set", "JSONL data set: " + e.getMessage());
    }
    return imported(
        tenant, bot, JsonlProject.files(examples, JsonlProject.defaultConfig(language)), async);
  }

  private Response imported(String tenant, String bot, Map<String, String> files, boolean async) {
    String user = caller.require().user();
    if (async) {
      TrainingJobs.Job job =
          jobs.start(
              tenant,
              bot,
              progress ->
                  answer(
                      tenant, bot, bots.importProject(tenant, bot, files, false, user, progress)),
              AdminResource::failure);
      return Response.status(202).entity(job.describe()).build();
    }
    ImportResult result = bots.importProject(tenant, bot, files, false, user);
    return Response.status(result.created() ? 201 : 200)
        .entity(answer(tenant, bot, result))
        .build();
  }

  /** A background import's stage, percent and, once finished, its answer or error. */
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

  private static Map<String, Object> failure(RuntimeException error) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (error instanceof BotDefinitionException definition) {
      body.put("status", 422);
      body.put("error", "invalid_bot");
      body.put("message", definition.errors().size() + " problem(s) in the bot definition");
      body.put("details", definition.errors());
    } else if (error instanceof ApiError api) {
      body.put("status", api.status());
      body.put("error", api.code());
      body.put("message", api.getMessage());
      body.put("details", api.details());
    } else {
      LOG.log(Level.WARNING, "background import failed", error);
      body.put("status", 500);
      body.put("error", "training_failed");
      body.put("message", "training failed; the server log has the cause");
    }
    return body;
  }

  private static Map<String, Object> answer(String tenant, String bot, ImportResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", tenant);
    body.put("bot", bot);
    body.put("created", result.created());
    result.apiKey().ifPresent(key -> body.put("apiKey", key));
    body.put("version", result.version());
    body.put("warnings", result.warnings());
    return body;
  }

  /** The installed plugins. */
  @GET
  @Path("plugins")
  public List<Map<String, Object>> listPlugins() {
    return plugins.all().stream().map(AdminResource::describe).toList();
  }

  private static Map<String, Object> describe(RegisteredPlugin plugin) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", plugin.id());
    out.put("kind", plugin.kind().name().toLowerCase(java.util.Locale.ROOT));
    out.put("version", plugin.factory().version());
    out.put("description", plugin.factory().description());
    out.put("source", plugin.source());
    out.put("config", plugin.factory().configProperties());
    return out;
  }
}
