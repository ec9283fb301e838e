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

  /** Makes a bot serve (replacing its previous version). */
  public void activate(LoadedBot bot) {
    bots.put(bot.model().tenant() + "/" + bot.model().bot(), bot);
  }

  /** All serving bots. */
  public Collection<LoadedBot> all() {
    return bots.values();
  }
}
