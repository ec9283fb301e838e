package dev.parley.core.admin;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotService;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.bot.definition.BotDefinitionException;
import dev.parley.core.bot.definition.ValidationMessage;
import dev.parley.core.security.ConsoleUserEntity;
import dev.parley.core.security.ConsoleUsers;
import dev.parley.core.tenant.ApiKeys;
import dev.parley.core.tenant.BotEntity;
import dev.parley.core.tenant.BotRepository;
import dev.parley.core.tenant.BotVersionEntity;
import dev.parley.core.tenant.BotVersionPublisher;
import dev.parley.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bot for the console: its versions with the files each changed, a version's files and zip,
 * activating a stored version, a new API key, renaming, and deleting a bot or a tenant with its
 * bots. Each call is one transaction, except activation (see {@link #activate}).
 */
@ApplicationScoped
public class BotAdminService {

  private BotRepository bots;
  private TenantRepository tenants;
  private BotVersionPublisher publisher;
  private BotService botService;
  private BotCatalog catalog;
  private ConsoleUsers users;

  /** For CDI proxies. */
  protected BotAdminService() {}

  /** Wires the collaborators. */
  @Inject
  public BotAdminService(
      BotRepository bots,
      TenantRepository tenants,
      BotVersionPublisher publisher,
      BotService botService,
      BotCatalog catalog,
      ConsoleUsers users) {
    this.bots = bots;
    this.tenants = tenants;
    this.publisher = publisher;
    this.botService = botService;
    this.catalog = catalog;
    this.users = users;
  }

  /** The longest version note kept. */
  public static final int MAX_NOTE_CHARS = 2000;

  /**
   * A stored version: when, by whom, its content hash, its note, the files it changed and where its
   * model came from ({@code trained} or {@code loaded}).
   */
  public record VersionSummary(
      int version,
      Instant createdAt,
      Optional<String> createdBy,
      String contentHash,
      Optional<String> note,
      List<String> changed,
      String model) {}

  /** A bot's state and versions, newest first. */
  public record BotHistory(
      String displayName,
      int activeVersion,
      boolean publicBot,
      List<ValidationMessage> warnings,
      List<VersionSummary> versions) {}

  /** The project files of a version. */
  public record ProjectVersion(int version, Map<String, String> files) {}

  /** The project files of a version as a zip archive. */
  public record ProjectArchive(int version, byte[] zip) {}

  /** The bot's active version, visibility, serving warnings and versions. */
  @Transactional
  public BotHistory history(String tenant, String bot) {
    BotEntity entity = bots.find(tenant, bot).orElseThrow(() -> AdminException.notFound("bot"));
    List<BotVersionEntity> versions = bots.versions(tenant, bot);
    List<VersionSummary> rows = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      BotVersionEntity v = versions.get(i);
      Map<String, String> files = StoredProject.files(v);
      List<String> changed =
          i + 1 < versions.size()
              ? StoredProject.changed(StoredProject.files(versions.get(i + 1)), files)
              : List.copyOf(files.keySet());
      rows.add(
          new VersionSummary(
              v.getVersion(),
              v.getCreatedAt(),
              v.getCreatedBy(),
              v.getContentHash(),
              v.getNote(),
              changed,
              v.getModelSource().orElse("trained")));
    }
    return new BotHistory(
        entity.getDisplayName(),
        entity.getActiveVersion(),
        entity.isPublicBot(),
        catalog.find(tenant, bot).map(b -> b.model().warnings()).orElse(List.of()),
        rows);
  }

  /** The project files of a version ({@code null}: the active one). */
  @Transactional
  public ProjectVersion files(String tenant, String bot, Integer version) {
    BotVersionEntity v = version(tenant, bot, version);
    return new ProjectVersion(v.getVersion(), StoredProject.files(v));
  }

  /** The project files of a version ({@code null}: the active one) as a zip. */
  @Transactional
  public ProjectArchive export(String tenant, String bot, Integer version) {
    BotVersionEntity v = version(tenant, bot, version);
    return new ProjectArchive(v.getVersion(), StoredProject.zip(StoredProject.files(v)));
  }

  /**
   * Makes a stored version the one that serves (roll back or forward, no retraining). The choice is
   * committed first, then this server loads it; a version that fails to load stays the stored
   * choice and the call fails with {@code activation_failed}.
   */
  public void activate(String tenant, String bot, int version) {
    if (!publisher.activate(tenant, bot, version)) {
      throw AdminException.notFound("version");
    }
    botService.refreshStoredBots();
    int serving =
        catalog.find(tenant, bot).map(b -> b.model().version()).orElseThrow(() -> notServing());
    if (serving != version) {
      throw notServing();
    }
  }

  /**
   * Gives a version a note (what changed and why); a blank note removes it.
   *
   * @throws AdminException {@code not_found} when the version does not exist
   */
  @Transactional
  public void annotate(String tenant, String bot, int version, String note) {
    String kept = note == null || note.isBlank() ? null : note.strip();
    if (kept != null && kept.length() > MAX_NOTE_CHARS) {
      kept = kept.substring(0, MAX_NOTE_CHARS);
    }
    version(tenant, bot, version).setNote(kept);
  }

  /**
   * What the import validator says about a project, without training or storing anything.
   *
   * @param problems what stops the project from training, each at its file and line
   * @param warnings what works but deserves attention
   */
  public record ProjectCheck(List<ValidationMessage> problems, List<ValidationMessage> warnings) {}

  /**
   * Parses and validates a project's files for an existing bot as an import would (components and
   * their settings included), and trains nothing. Warnings come with the problems, as far as the
   * check got before them.
   */
  @Transactional
  public ProjectCheck check(String tenant, String bot, Map<String, String> files) {
    bots.find(tenant, bot).orElseThrow(() -> AdminException.notFound("bot"));
    try {
      return new ProjectCheck(List.of(), botService.check(tenant, bot, files));
    } catch (BotDefinitionException e) {
      return new ProjectCheck(e.errors(), e.warnings());
    }
  }

  /** Replaces the bot's API key and serves with it; returns the new key (shown only once). */
  @Transactional
  public String newKey(String tenant, String bot) {
    LoadedBot loaded = catalog.find(tenant, bot).orElseThrow(() -> AdminException.notFound("bot"));
    String key = ApiKeys.generate();
    String hash = ApiKeys.hash(key);
    if (!bots.replaceApiKeyHash(tenant, bot, hash)) {
      throw AdminException.notFound("bot");
    }
    catalog.activate(new LoadedBot(loaded.model(), hash, loaded.publicBot()));
    return key;
  }

  /**
   * Sets a bot's display name ({@code null} resets it to the id).
   *
   * @return the display name now shown, or empty when the bot does not exist
   */
  @Transactional
  public Optional<String> rename(String tenant, String bot, String displayName) {
    if (!bots.rename(tenant, bot, displayName)) {
      return Optional.empty();
    }
    return bots.find(tenant, bot).map(BotEntity::getDisplayName);
  }

  /** Deletes a bot with its versions and conversations; returns whether it existed. */
  @Transactional
  public boolean deleteBot(String tenant, String bot) {
    return botService.deleteBot(tenant, bot);
  }

  /**
   * Deletes a tenant and its console users, in one transaction. A tenant with bots is refused
   * ({@code tenant_has_bots}) unless {@code cascade}, which deletes the bots (versions,
   * conversations) first.
   *
   * @return the names of the deleted bots
   */
  @Transactional
  public List<String> deleteTenant(String tenant, boolean cascade) {
    if (!tenants.exists(tenant)) {
      throw AdminException.notFound("tenant");
    }
    List<String> botNames = bots.names(tenant);
    if (!botNames.isEmpty() && !cascade) {
      throw new AdminException(
          AdminException.Reason.CONFLICT,
          "tenant_has_bots",
          "tenant "
              + tenant
              + " still has "
              + botNames.size()
              + " bot(s); delete them first or pass cascade=true",
          botNames);
    }
    botNames.forEach(bot -> botService.deleteBot(tenant, bot));
    for (ConsoleUserEntity user : users.ofTenant(tenant)) {
      users.delete(tenant, user.getName());
    }
    tenants.delete(tenant);
    return botNames;
  }

  private BotVersionEntity version(String tenant, String bot, Integer version) {
    BotEntity entity = bots.find(tenant, bot).orElseThrow(() -> AdminException.notFound("bot"));
    int wanted = version == null ? entity.getActiveVersion() : version;
    return bots.versions(tenant, bot).stream()
        .filter(v -> v.getVersion() == wanted)
        .findFirst()
        .orElseThrow(() -> AdminException.notFound("version"));
  }

  private static AdminException notServing() {
    return new AdminException(
        AdminException.Reason.FAILED,
        "activation_failed",
        "the version is stored but could not be loaded",
        List.of());
  }
}
