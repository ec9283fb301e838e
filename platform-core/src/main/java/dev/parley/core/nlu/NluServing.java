package dev.parley.core.nlu;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.BotService;
import dev.parley.core.bot.LoadedBot;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NLU server's side of remote parsing: parses a message with exactly the model version the
 * dialogue server names. A version newer than the one served is loaded from the database first (at
 * most one look a second); an older one, or one the database does not hold as active, is refused,
 * so a dialogue server never gets a parse from another model version than its own.
 */
@ApplicationScoped
public class NluServing {

  private static final long REFRESH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private BotCatalog catalog;
  private BotService bots;
  private NluService nlu;
  private final AtomicLong lastRefresh = new AtomicLong(System.nanoTime() - REFRESH_INTERVAL_NANOS);

  /** What a parse call got: the version's parse, or why there is none. */
  public sealed interface Outcome {}

  /** The parse by the named version. */
  public record Parsed(int version, ParseResult parse) implements Outcome {}

  /** This server does not know the bot. */
  public record UnknownBot() implements Outcome {}

  /** This server cannot serve the named version; it serves {@code served}. */
  public record OtherVersion(int served) implements Outcome {}

  /** For CDI proxies. */
  protected NluServing() {}

  /** Wires the collaborators. */
  @Inject
  public NluServing(BotCatalog catalog, BotService bots, NluService nlu) {
    this.catalog = catalog;
    this.bots = bots;
    this.nlu = nlu;
  }

  /** Parses a text with the named version of a bot, if this server serves (or loads) it. */
  public Outcome parse(
      String tenant, String bot, int version, String text, Map<String, Object> metadata) {
    Optional<BotModel> model = catalog.find(tenant, bot).map(LoadedBot::model);
    if ((model.isEmpty() || model.get().version() < version) && mayRefresh()) {
      bots.refreshStoredBots();
      model = catalog.find(tenant, bot).map(LoadedBot::model);
    }
    if (model.isEmpty()) {
      return new UnknownBot();
    }
    BotModel serving = model.get();
    if (serving.version() != version) {
      return new OtherVersion(serving.version());
    }
    ParseResult parse =
        nlu.parse(serving, new Message(text, serving.config().language(), metadata));
    return new Parsed(version, parse);
  }

  private boolean mayRefresh() {
    long now = System.nanoTime();
    long last = lastRefresh.get();
    return now - last >= REFRESH_INTERVAL_NANOS && lastRefresh.compareAndSet(last, now);
  }
}
