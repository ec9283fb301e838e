package dev.parley.core.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Makes a version of a bot the active one: a newly trained version (stored with its artifacts) or
 * one stored before. Each call is one transaction; training happens before, outside any.
 */
@ApplicationScoped
public class BotVersionPublisher {

  private BotRepository bots;

  /** For CDI proxies. */
  protected BotVersionPublisher() {}

  /** Writes through the bot repository. */
  @Inject
  public BotVersionPublisher(BotRepository bots) {
    this.bots = bots;
  }

  /**
   * Stores a new trained version and makes it active, creating the bot if needed.
   *
   * @param newKeyHash the hash of the key of a new bot (ignored for an existing bot)
   * @return the new version number
   * @param modelSource {@code trained} (by this server) or {@code loaded} (a model the command line
   *     trained, stored without training)
   */
  @Transactional
  public int publish(
      String tenant,
      String name,
      boolean publicBot,
      String newKeyHash,
      String contentHash,
      String definition,
      Map<String, byte[]> artifacts,
      String createdBy,
      String modelSource) {
    return bots.storeVersion(
        tenant,
        name,
        publicBot,
        newKeyHash,
        contentHash,
        definition,
        artifacts,
        createdBy,
        modelSource);
  }

  /**
   * Makes a stored version the active one (servers load it within their refresh interval); returns
   * whether the bot and version exist.
   */
  @Transactional
  public boolean activate(String tenant, String name, int version) {
    return bots.setActiveVersion(tenant, name, version);
  }
}
