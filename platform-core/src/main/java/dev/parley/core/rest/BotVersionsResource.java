package dev.parley.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotService;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.json.Json;
import dev.parley.core.tenant.ApiKeys;
import dev.parley.core.tenant.BotEntity;
import dev.parley.core.tenant.BotVersionEntity;
import dev.parley.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One bot for the console: its versions (with the files each changed), project files, export as a
 * zip, activating a stored version (roll back) and a new API key.
 */
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class BotVersionsResource {

  private TenantRepository repository;
  private BotService bots;
  private BotCatalog catalog;

  /** For CDI proxies. */
  protected BotVersionsResource() {}

  /** Wires the collaborators. */
  @Inject
  public BotVersionsResource(TenantRepository repository, BotService bots, BotCatalog catalog) {
    this.repository = repository;
    this.bots = bots;
    this.catalog = catalog;
  }

  /** The bot: active version, visibility, warnings and the versions, newest first. */
  @GET
  @Path("tenants/{tenant}/bots/{bot}/versions")
  public Map<String, Object> describe(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot) {
    BotEntity entity = repository.bot(tenant, bot).orElseThrow(() -> ApiError.notFound("bot"));
    List<BotVersionEntity> versions = repository.versions(tenant, bot);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      BotVersionEntity v = versions.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", v.getVersion());
      row.put("created_at", v.getCreatedAt().toString());
      row.put("created_by", v.getCreatedBy().orElse(null));
      row.put("content_hash", v.getContentHash());
      row.put(
          "changed",
          i + 1 < versions.size()
              ? changedFiles(files(versions.get(i + 1)), files(v))
              : List.copyOf(files(v).keySet()));
      rows.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tenant", tenant);
    body.put("bot", bot);
    body.put("display_name", entity.getDisplayName());
    body.put("active_version", entity.getActiveVersion());
    body.put("public", entity.isPublicBot());
    body.put(
        "warnings",
        catalog.find(tenant, bot).map(b -> (Object) b.model().warnings()).orElse(List.of()));
    body.put("versions", rows);
    return body;
  }

  /** The project files of a version (default: the active one). */
  @GET
  @Path("tenants/{tenant}/bots/{bot}/files")
  public Map<String, Object> files(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("version") Integer version) {
    BotVersionEntity v = version(tenant, bot, version);
    return Map.of("version", v.getVersion(), "files", files(v));
  }

  /** The project of a version as a zip (default: the active one). */
  @GET
  @Path("tenants/{tenant}/bots/{bot}/export")
  @Produces("application/zip")
  public Response export(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("version") Integer version) {
    BotVersionEntity v = version(tenant, bot, version);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> file : files(v).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(out.toByteArray(), "application/zip")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + tenant + "-" + bot + "-v" + v.getVersion() + ".zip\"")
        .build();
  }

  /** Makes a stored version the one that serves (roll back or forward); no retraining. */
  @POST
  @Path("tenants/{tenant}/bots/{bot}/versions/{version}/activate")
  public Map<String, Object> activate(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("version") int version) {
    if (!repository.setActiveVersion(tenant, bot, version)) {
      throw ApiError.notFound("version");
    }
    bots.refreshStoredBots();
    int serving =
        catalog.find(tenant, bot).map(b -> b.model().version()).orElseThrow(() -> notServing());
    if (serving != version) {
      throw notServing();
    }
    return Map.of("tenant", tenant, "bot", bot, "active_version", version);
  }

  /** Replaces the bot's API key; the new key is shown only in this answer. */
  @POST
  @Path("tenants/{tenant}/bots/{bot}/key")
  public Map<String, Object> newKey(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot) {
    LoadedBot loaded = catalog.find(tenant, bot).orElseThrow(() -> ApiError.notFound("bot"));
    String key = ApiKeys.generate();
    String hash = ApiKeys.hash(key);
    if (!repository.replaceApiKeyHash(tenant, bot, hash)) {
      throw ApiError.notFound("bot");
    }
    catalog.activate(new LoadedBot(loaded.model(), hash, loaded.publicBot()));
    return Map.of("tenant", tenant, "bot", bot, "apiKey", key);
  }

  private BotVersionEntity version(String tenant, String bot, Integer version) {
    BotEntity entity = repository.bot(tenant, bot).orElseThrow(() -> ApiError.notFound("bot"));
    int wanted = version == null ? entity.getActiveVersion() : version;
    return repository.versions(tenant, bot).stream()
        .filter(v -> v.getVersion() == wanted)
        .findFirst()
        .orElseThrow(() -> ApiError.notFound("version"));
  }

  private static ApiError notServing() {
    return new ApiError(
        500, "activation_failed", "the version is stored but could not be loaded", List.of());
  }

  private static Map<String, String> files(BotVersionEntity version) {
    try {
      return Json.mapper()
          .readValue(version.getDefinition(), new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> changedFiles(Map<String, String> before, Map<String, String> after) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    return names.stream().filter(n -> !Objects.equals(before.get(n), after.get(n))).toList();
  }
}
