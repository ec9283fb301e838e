package dev.parley.core.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bots, their stored versions with model artifacts, and their API key hashes in the database. Plain
 * data access: the callers' services own the transactions (writes need one).
 */
@ApplicationScoped
public class BotRepository {

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /** The names of a tenant's bots. */
  public List<String> names(String tenant) {
    return em.createQuery(
            "select b.name from BotEntity b where b.tenant = :tenant order by b.name", String.class)
        .setParameter("tenant", tenant)
        .getResultList();
  }

  /** A tenant's bots' display names by bot name. */
  public Map<String, String> displayNames(String tenant) {
    Map<String, String> names = new LinkedHashMap<>();
    em.createQuery(
            "select b from BotEntity b where b.tenant = :tenant order by b.name", BotEntity.class)
        .setParameter("tenant", tenant)
        .getResultList()
        .forEach(b -> names.put(b.getName(), b.getDisplayName()));
    return names;
  }

  /** A bot, if it exists. */
  public Optional<BotEntity> find(String tenant, String name) {
    return Optional.ofNullable(em.find(BotEntity.class, BotEntity.idOf(tenant, name)));
  }

  /** Every bot. */
  public List<BotEntity> all() {
    return em.createQuery("select b from BotEntity b order by b.id", BotEntity.class)
        .getResultList();
  }

  /** The active version of a bot, if any. */
  public Optional<BotVersionEntity> activeVersion(String tenant, String name) {
    return find(tenant, name).flatMap(bot -> version(tenant, name, bot.getActiveVersion()));
  }

  /** One stored version of a bot, if it exists. */
  public Optional<BotVersionEntity> version(String tenant, String name, int version) {
    return Optional.ofNullable(
        em.find(BotVersionEntity.class, BotEntity.idOf(tenant, name) + "#" + version));
  }

  /** A bot's versions, newest first. */
  public List<BotVersionEntity> versions(String tenant, String name) {
    return em.createQuery(
            "select v from BotVersionEntity v where v.botId = :bot order by v.version desc",
            BotVersionEntity.class)
        .setParameter("bot", BotEntity.idOf(tenant, name))
        .getResultList();
  }

  /** The artifacts of a model version by name. */
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
   * Stores a new version with its artifacts and makes it active, creating the bot if needed.
   *
   * @param newKeyHash the hash of the key of a new bot (ignored for an existing bot)
   * @return the new version number
   * @param modelSource {@code trained} (by this server) or {@code loaded} (a model the command line
   *     trained)
   */
  public int storeVersion(
      String tenant,
      String name,
      boolean publicBot,
      String newKeyHash,
      String contentHash,
      String definition,
      Map<String, byte[]> artifacts,
      String createdBy,
      String modelSource) {
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
    entity.setModelSource(modelSource);
    em.persist(entity);
    artifacts.forEach(
        (artifact, content) ->
            em.persist(new ModelArtifactEntity(entity.getId(), artifact, content)));
    bot.setActiveVersion(version);
    bot.setPublicBot(publicBot);
    return version;
  }

  /** Makes a stored version the active one; returns whether the bot and version exist. */
  public boolean setActiveVersion(String tenant, String name, int version) {
    BotEntity bot = em.find(BotEntity.class, BotEntity.idOf(tenant, name));
    if (bot == null || version(tenant, name, version).isEmpty()) {
      return false;
    }
    bot.setActiveVersion(version);
    return true;
  }

  /** Replaces a bot's API key hash (the old key stops working); returns whether the bot exists. */
  public boolean replaceApiKeyHash(String tenant, String name, String keyHash) {
    BotEntity bot = em.find(BotEntity.class, BotEntity.idOf(tenant, name));
    if (bot == null) {
      return false;
    }
    bot.setApiKeyHash(keyHash);
    return true;
  }

  /** Sets a bot's display name; returns whether the bot exists. */
  public boolean rename(String tenant, String name, String displayName) {
    BotEntity bot = em.find(BotEntity.class, BotEntity.idOf(tenant, name));
    if (bot == null) {
      return false;
    }
    bot.setDisplayName(displayName);
    return true;
  }

  /** Deletes a bot with its versions and their artifacts; returns whether it existed. */
  public boolean delete(String tenant, String name) {
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
}
