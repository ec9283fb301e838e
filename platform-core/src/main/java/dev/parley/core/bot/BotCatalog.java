package dev.parley.core.bot;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bots this server serves, by tenant and name. Activation swaps a bot atomically. */
@ApplicationScoped
public class BotCatalog {

  private final ConcurrentHashMap<String, LoadedBot> bots = new ConcurrentHashMap<>();

  /** The serving bot, if loaded. */
  public Optional<LoadedBot> find(String tenant, String bot) {
    return Optional.ofNullable(bots.get(tenant + "/" + bot));
  }

  /**
   * Makes a bot serve, replacing its previous version in one step; the previous version's NLU is
   * retired (its resources are released once the parses still using it finish).
   */
  public void activate(LoadedBot bot) {
    LoadedBot previous = bots.put(bot.model().tenant() + "/" + bot.model().bot(), bot);
    if (previous != null && previous.model().nlu() != bot.model().nlu()) {
      previous.model().nlu().retire();
    }
  }

  /** Stops serving a bot and retires its NLU; returns whether it was serving. */
  public boolean deactivate(String tenant, String bot) {
    LoadedBot previous = bots.remove(tenant + "/" + bot);
    if (previous != null) {
      previous.model().nlu().retire();
    }
    return previous != null;
  }

  /** All serving bots. */
  public Collection<LoadedBot> all() {
    return bots.values();
  }
}
