package dev.parley.core.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tenants, bots and model versions in the database. */
@ApplicationScoped
public class TenantRepository {

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /** Creates the tenant unless it exists; returns whether it was created. */
  @Transactional
  public boolean createTenant(String name) {
    if (em.find(TenantEntity.class, name) != null) {
      return false;
    }
    em.persist(new TenantEntity(name));
    return true;
  }

  /** Whether the tenant exists. */
  @Transactional
  public boolean tenantExists(String name) {
    return em.find(TenantEntity.class, name) != null;
  }

  /** All tenants by name. */
  @Transactional
  public List<TenantEntity> tenants() {
    return em.createQuery("select t from TenantEntity t order by t.name", TenantEntity.class)
        .getResultList();
  }

  /** The names of a tenant's bots. */
  @Transactional
  public List<String> botNames(String tenant) {
    return em.createQuery(
            "select b.name from BotEntity b where b.tenant = :tenant order by b.name", String.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** A tenant's bots' display names by bot name. */
  @Transactional
  public Map<String, String> botDisplayNames(String tenant) {
    Map<String, String> names = new LinkedHashMap<>();
    em.createQuery(
            "select b from BotEntity b where b.tenant = :tenant order by b.name", BotEntity.class)
        .setParameter("tenant", tenant)
        .getResultList()
        .forEach(b -> names.put(b.getName(), b.getDisplayName()));
    return names;
  }

  /** A bot, if it exists. */
  @Transactional
  public Optional<BotEntity> bot(String tenant, String name) {
    return Optional.ofNullable(em.find(BotEntity.class, BotEntity.idOf(tenant, name)));
  }

  /** The active version of a bot, if any. */
  @Transactional
  public Optional<BotVersionEntity> activeVersion(String tenant, String name) {
    return bot(tenant, name)
        .map(
            bot ->
                em.find(
                    BotVersionEntity.class,
                    BotEntity.idOf(tenant, name) + "#" + bot.getActiveVersion()));
  }

  /** Every bot with its active version. */
  @Transactional
  public List<BotEntity> bots() {
    return em.createQuery("select b from BotEntity b order by b.id", BotEntity.class)
        .getResultList();
  }

  /** The artifacts of a model version. */
  @Transactional
  public Map<String, byte[]> artifacts(String versionId) {
    Map<String, byte[]> artifacts = new LinkedHashMap<>();
    em.createQuery(
            "select a from ModelArtifactEntity a where a.versionId = :id",
            ModelArtifactEntity.class)
        .setParameter("id", versionId)
        .getResultList()
        .forEach(artifact -> artifacts.put(artifact.getName(), artifact.getContent()));
    return artifacts;
  }

  /**
   * Stores a new trained version and makes it active, creating the bot if needed.
   *
   * @param newKeyHash the hash of the key of a new bot (ignored for an existing bot)
   * @return the new version number
   */
  @Transactional
  public int storeVersion(
      String tenant,
      String name,
      boolean publicBot,
      String newKeyHash,
      String contentHash,
      String definition,
      Map<String, byte[]> artifacts,
      String createdBy) {
    BotEntity bot = em.find(BotEntity.class, BotEntity.idOf(tenant, name));
    if (bot == null) {
      bot = new BotEntity(tenant, name, newKeyHash);
      em.persist(bot);
    }
    Integer latest =
        em.createQuery(
                "select max(v.version) from BotVersionEntity v where v.botId = :bot", Integer.class)
            .setParameter("bot", BotEntity.idOf(tenant, name))
            .getSingleResult();
    int version = latest == null ? 1 : latest + 1;
    BotVersionEntity entity =
        new BotVersionEntity(
            BotEntity.idOf(tenant, name), version, contentHash, definition, createdBy);
    em.persist(entity);
    artifacts.forEach(
        (artifact, content) ->
            em.persist(new ModelArtifactEntity(entity.getId(), artifact, content)));
    bot.setActiveVersion(version);
    bot.setPublicBot(publicBot);
    return version;
  }

  /** A bot's versions, newest first. */
  @Transactional
  public List<BotVersionEntity> versions(String tenant, String name) {
    return em.createQuery(
            "select v from BotVersionEntity v where v.botId = :bot order by v.version desc",
            BotVersionEntity.class)
        .setParameter("bot", BotEntity.idOf(tenant, name))
        .getResultList();
  }

  /**
   * Makes a stored version the active one (servers load it within their refresh interval, this one
   * when asked); returns whether the bot and version exist.
   */
  @Transactional
  public boolean setActiveVersion(String tenant, String name, int version) {
    BotEntity bot = em.find(BotEntity.class, BotEntity.idOf(tenant, name));
    if (bot == null
        || em.find(BotVersionEntity.class, BotEntity.idOf(tenant, name) + "#" + version) == null) {
      return false;
    }
    bot.setActiveVersion(version);
    return true;
  }

  /** Replaces a bot's API key hash (the old key stops working); returns whether the bot exists. */
  @Transactional
  public boolean replaceApiKeyHash(String tenant, String name, String keyHash) {
    BotEntity bot = em.find(BotEntity.class, BotEntity.idOf(tenant, name));
    if (bot == null) {
      return false;
    }
    bot.setApiKeyHash(keyHash);
    return true;
  }

  /** A tenant, if it exists. */
  @Transactional
  public Optional<TenantEntity> tenant(String name) {
    return Optional.ofNullable(em.find(TenantEntity.class, name));
  }

  /** Sets a tenant's display name; returns whether the tenant exists. */
  @Transactional
  public boolean renameTenant(String name, String displayName) {
    TenantEntity tenant = em.find(TenantEntity.class, name);
    if (tenant == null) {
      return false;
    }
    tenant.setDisplayName(displayName);
    return true;
  }

  /** Sets a bot's display name; returns whether the bot exists. */
  @Transactional
  public boolean renameBot(String tenant, String name, String displayName) {
    BotEntity bot = em.find(BotEntity.class, BotEntity.idOf(tenant, name));
    if (bot == null) {
      return false;
    }
    bot.setDisplayName(displayName);
    return true;
  }

  /** Deletes a bot with its versions and their artifacts; returns whether it existed. */
  @Transactional
  public boolean deleteBot(String tenant, String name) {
    String botId = BotEntity.idOf(tenant, name);
    BotEntity bot = em.find(BotEntity.class, botId);
    if (bot == null) {
      return false;
    }
    em.createQuery(
            "delete from ModelArtifactEntity a where a.versionId in"
                + " (select v.id from BotVersionEntity v where v.botId = :bot)")
        .setParameter("bot", botId)
        .executeUpdate();
    em.createQuery("delete from BotVersionEntity v where v.botId = :bot")
        .setParameter("bot", botId)
        .executeUpdate();
    em.remove(bot);
    return true;
  }

  /** Deletes a tenant that has no bots left; returns whether it existed. */
  @Transactional
  public boolean deleteTenant(String name) {
    TenantEntity tenant = em.find(TenantEntity.class, name);
    if (tenant == null) {
      return false;
    }
    em.remove(tenant);
    return true;
  }
}
