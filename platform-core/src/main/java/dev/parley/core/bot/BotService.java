package dev.parley.core.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.BotProject;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.json.Json;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.tenant.ApiKeys;
import dev.parley.core.tenant.BotEntity;
import dev.parley.core.tenant.BotRepository;
import dev.parley.core.tenant.BotVersionEntity;
import dev.parley.core.tenant.BotVersionPublisher;
import dev.parley.core.tracker.TrackerCache;
import dev.parley.core.tracker.TrackerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Imports, trains and activates bots, and reloads the stored ones at start-up. Training happens
 * before anything is stored, so a project that fails leaves the active version untouched.
 */
@ApplicationScoped
public class BotService {

  private static final Logger LOG = Logger.getLogger(BotService.class.getName());

  private BotRepository repository;
  private BotVersionPublisher publisher;
  private BotCatalog catalog;
  private TrackerCache trackerCache;
  private TrackerStore trackerStore;
  private BotAssembler assembler;
  private TrainedModelCheck trainedModelCheck;

  /** For CDI proxies. */
  protected BotService() {}

  /** Wires the collaborators. */
  @Inject
  public BotService(
      BotRepository repository,
      BotVersionPublisher publisher,
      BotCatalog catalog,
      TrackerCache trackerCache,
      TrackerStore trackerStore,
      PluginRegistry registry,
      LlmConnectionLookup llmConnections,
      PluginGuard guard) {
    this.repository = repository;
    this.publisher = publisher;
    this.catalog = catalog;
    this.trackerCache = trackerCache;
    this.trackerStore = trackerStore;
    this.assembler = new BotAssembler(registry, llmConnections, guard);
    this.trainedModelCheck = new TrainedModelCheck(registry);
  }

  /**
   * Parses, validates, trains, stores and activates a project; the tenant must exist.
   *
   * @throws dev.parley.core.bot.definition.BotDefinitionException with file/line problems
   */
  public ImportResult importProject(
      String tenant, String bot, Map<String, String> files, boolean skipIfUnchanged) {
    return importProject(tenant, bot, files, skipIfUnchanged, "startup");
  }

  /**
   * Like {@link #importProject(String, String, Map, boolean)}, recording who stored the version.
   *
   * @param createdBy the console user, {@code admin} or a token's subject
   */
  public ImportResult importProject(
      String tenant,
      String bot,
      Map<String, String> files,
      boolean skipIfUnchanged,
      String createdBy) {
    return importProject(tenant, bot, files, skipIfUnchanged, createdBy, TrainingProgress.NONE);
  }

  /** Like the others, reporting its stages to {@code progress} (the console's progress bar). */
  public synchronized ImportResult importProject(
      String tenant,
      String bot,
      Map<String, String> files,
      boolean skipIfUnchanged,
      String createdBy,
      TrainingProgress progress) {
    progress.report("parsing", 0, 0);
    String definition = ProjectHash.definition(files);
    String contentHash = ProjectHash.sha256(definition.getBytes(StandardCharsets.UTF_8));
    Optional<BotEntity> existing = repository.find(tenant, bot);
    if (skipIfUnchanged && existing.isPresent()) {
      Optional<BotVersionEntity> active = repository.activeVersion(tenant, bot);
      if (active.isPresent() && active.get().getContentHash().equals(contentHash)) {
        return new ImportResult(
            false,
            Optional.empty(),
            active.get().getVersion(),
            true,
            catalog.find(tenant, bot).map(b -> b.model().warnings()).orElse(java.util.List.of()),
            ModelOrigin.TRAINED);
      }
    }
    BotProject project = new BotProjectParser().parse(files);
    Map<String, byte[]> artifacts = new HashMap<>();
    long started = System.nanoTime();
    BotModel trained = assembler.assemble(tenant, bot, 0, project, artifacts, true, progress);
    return publish(
        new Publication(tenant, bot, project, definition, contentHash, createdBy),
        trained,
        artifacts,
        ModelOrigin.TRAINED,
        progress,
        started);
  }

  /**
   * Stores and activates a model the command line trained ({@code parley train}): its artifacts
   * serve as they are when {@link TrainedModelCheck} finds them valid for this server and its
   * plugins load them; otherwise the project files of the archive are trained here, or, when {@code
   * requireLoaded}, nothing is stored. The artifacts never serve with other files than those they
   * were trained from.
   *
   * @throws dev.parley.core.bot.definition.BotDefinitionException with file/line problems
   * @throws TrainedModelRejected when the model cannot be loaded and {@code requireLoaded}
   */
  public synchronized ImportResult importTrained(
      String tenant,
      String bot,
      ModelArchive archive,
      boolean requireLoaded,
      String createdBy,
      TrainingProgress progress) {
    progress.report("parsing", 0, 0);
    Map<String, String> files = archive.files();
    String definition = ProjectHash.definition(files);
    String contentHash = ProjectHash.sha256(definition.getBytes(StandardCharsets.UTF_8));
    BotProject project = new BotProjectParser().parse(files);
    Publication publication =
        new Publication(tenant, bot, project, definition, contentHash, createdBy);
    long started = System.nanoTime();
    progress.report("loading", 0, 0);
    Optional<String> mismatch = trainedModelCheck.mismatch(archive);
    if (mismatch.isEmpty()) {
      try {
        AssembledModel loaded = assembler.load(tenant, bot, 0, project, archive.artifacts());
        mismatch =
            TrainedModelCheck.loadedDifferently(archive.manifest().trainedBy(), loaded.trainedBy());
        if (mismatch.isEmpty()) {
          return publish(
              publication,
              loaded.model(),
              archive.artifacts(),
              ModelOrigin.LOADED,
              progress,
              started);
        }
        loaded.model().nlu().retire();
      } catch (BotDefinitionException unreadable) {
        mismatch =
            Optional.of(
                "its artifacts could not be loaded: "
                    + String.join(
                        "; ",
                        unreadable.errors().stream().map(ValidationMessage::message).toList()));
      }
    }
    String reason = mismatch.orElseThrow();
    if (requireLoaded) {
      throw new TrainedModelRejected(reason);
    }
    LOG.info(
        () ->
            String.format(
                "bot %s/%s: the trained model sent is not loaded (%s); training the project",
                tenant, bot, reason));
    Map<String, byte[]> artifacts = new HashMap<>();
    BotModel trained = assembler.assemble(tenant, bot, 0, project, artifacts, true, progress);
    return publish(
        publication, trained, artifacts, ModelOrigin.retrained(reason), progress, started);
  }

  /**
   * A new version to store: whose, its parsed project, stored files and their hash, and by whom.
   */
  private record Publication(
      String tenant,
      String bot,
      BotProject project,
      String definition,
      String contentHash,
      String createdBy) {}

  private ImportResult publish(
      Publication publication,
      BotModel built,
      Map<String, byte[]> artifacts,
      ModelOrigin origin,
      TrainingProgress progress,
      long started) {
    String tenant = publication.tenant();
    String bot = publication.bot();
    progress.report("storing", 0, 0);
    Optional<BotEntity> existing = repository.find(tenant, bot);
    Optional<String> newKey =
        existing.isPresent() ? Optional.empty() : Optional.of(ApiKeys.generate());
    boolean publicBot = publication.project().config().parley().publicBot();
    int version =
        publisher.publish(
            tenant,
            bot,
            publicBot,
            newKey.map(ApiKeys::hash).orElse(""),
            publication.contentHash(),
            publication.definition(),
            artifacts,
            publication.createdBy(),
            origin.loaded() ? "loaded" : "trained");
    BotModel model = built.withVersion(version);
    progress.report("activating", 0, 0);
    String keyHash = newKey.map(ApiKeys::hash).orElseGet(() -> existing.get().getApiKeyHash());
    catalog.activate(new LoadedBot(model, keyHash, publicBot));
    trackerCache.evictBot(tenant, bot);
    LOG.info(
        () ->
            String.format(
                "bot %s/%s version %d %s and active in %d ms",
                tenant,
                bot,
                version,
                origin.loaded() ? "loaded from a trained model" : "trained",
                (System.nanoTime() - started) / 1_000_000));
    return new ImportResult(existing.isEmpty(), newKey, version, false, model.warnings(), origin);
  }

  /**
   * Parses and checks a project as {@link #importProject} would, without training or storing
   * anything.
   *
   * @return the warnings an import would give
   * @throws dev.parley.core.bot.definition.BotDefinitionException with file/line problems
   */
  public List<ValidationMessage> check(String tenant, String bot, Map<String, String> files) {
    return assembler.check(tenant, bot, new BotProjectParser().parse(files));
  }

  /**
   * Deletes a bot: stops serving it here, deletes its versions and artifacts, and erases its
   * conversations (stored and cached). Other servers drop it at their next refresh.
   *
   * @return whether the bot existed
   */
  public synchronized boolean deleteBot(String tenant, String bot) {
    boolean existed = repository.delete(tenant, bot);
    boolean served = catalog.deactivate(tenant, bot);
    trackerCache.evictBot(tenant, bot);
    int conversations = trackerStore.deleteBot(tenant, bot);
    if (existed || served) {
      LOG.info(
          () ->
              String.format(
                  "bot %s/%s deleted with %d conversation(s)", tenant, bot, conversations));
    }
    return existed;
  }

  /** Loads every stored bot's active version from its stored artifacts. */
  public void loadStoredBots() {
    for (BotEntity bot : repository.all()) {
      loadStored(bot);
    }
  }

  /**
   * Loads the stored bots whose active version is not the one this server serves: bots imported or
   * retrained on another server of the cluster. Their cached trackers are dropped.
   *
   * @return how many bots were (re)loaded
   */
  public synchronized int refreshStoredBots() {
    int loaded = 0;
    java.util.List<BotEntity> stored = repository.all();
    java.util.Set<String> storedIds = new java.util.HashSet<>();
    stored.forEach(b -> storedIds.add(b.getTenant() + "/" + b.getName()));
    for (LoadedBot serving : java.util.List.copyOf(catalog.all())) {
      String tenant = serving.model().tenant();
      String name = serving.model().bot();
      if (!storedIds.contains(tenant + "/" + name) && catalog.deactivate(tenant, name)) {
        trackerCache.evictBot(tenant, name);
        LOG.info(() -> "bot " + tenant + "/" + name + " was deleted on another server");
      }
    }
    for (BotEntity bot : stored) {
      Optional<Integer> active =
          repository
              .activeVersion(bot.getTenant(), bot.getName())
              .map(BotVersionEntity::getVersion);
      Optional<LoadedBot> current = catalog.find(bot.getTenant(), bot.getName());
      boolean stale =
          active.isPresent()
              && (current.isEmpty()
                  || current.get().model().version() != active.get()
                  || !current.get().apiKeyHash().equals(bot.getApiKeyHash()));
      if (stale && loadStored(bot)) {
        trackerCache.evictBot(bot.getTenant(), bot.getName());
        loaded++;
      }
    }
    return loaded;
  }

  private boolean loadStored(BotEntity bot) {
    try {
      BotVersionEntity version =
          repository.activeVersion(bot.getTenant(), bot.getName()).orElseThrow();
      Map<String, String> files = projectFiles(version);
      BotProject project = new BotProjectParser().parse(files);
      BotModel model =
          new StoredModelLoader(assembler)
              .load(
                  bot.getTenant(),
                  bot.getName(),
                  version.getVersion(),
                  project,
                  repository.artifacts(version.getId()));
      catalog.activate(new LoadedBot(model, bot.getApiKeyHash(), bot.isPublicBot()));
      LOG.info(
          () ->
              "bot "
                  + bot.getTenant()
                  + "/"
                  + bot.getName()
                  + " version "
                  + version.getVersion()
                  + " loaded");
      return true;
    } catch (RuntimeException e) {
      LOG.severe(
          "bot "
              + bot.getTenant()
              + "/"
              + bot.getName()
              + " could not be loaded and does not serve: "
              + e.getMessage());
      return false;
    }
  }

  /** The project files stored with a bot version, by path. */
  public static Map<String, String> projectFiles(BotVersionEntity version) {
    try {
      return Json.mapper()
          .readValue(version.getDefinition(), new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
