package dev.parley.core.rest;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.tenant.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which bot answers at Rasa's own paths ({@code /webhooks/rest/webhook}, {@code /model/parse},
 * {@code /conversations/...}, {@code /domain}): the server's default bot ({@code
 * PARLEY_DEFAULT_BOT=tenant/bot}), else the bot whose API key the caller sends.
 */
@ApplicationScoped
public class RasaBotBinding {

  private static final Logger LOG = Logger.getLogger(RasaBotBinding.class.getName());

  private BotCatalog catalog;
  private Optional<BotRef> defaultBot;

  /** For CDI proxies. */
  protected RasaBotBinding() {}

  /**
   * Reads the default bot.
   *
   * @param catalog the serving bots (to find a bot by its key)
   * @param configured {@code parley.default.bot} ({@code PARLEY_DEFAULT_BOT}), as {@code
   *     tenant/bot}
   */
  @Inject
  public RasaBotBinding(
      BotCatalog catalog,
      @ConfigProperty(name = "parley.default.bot") Optional<String> configured) {
    this.catalog = catalog;
    this.defaultBot = configured.filter(value -> !value.isBlank()).flatMap(RasaBotBinding::parse);
    if (configured.filter(value -> !value.isBlank()).isPresent() && defaultBot.isEmpty()) {
      LOG.warning("PARLEY_DEFAULT_BOT must be tenant/bot; ignoring '" + configured.get() + "'");
    }
    defaultBot.ifPresent(
        bot -> LOG.info("Rasa's paths answer for bot " + bot.tenant() + "/" + bot.bot()));
  }

  /**
   * A tenant and a bot.
   *
   * @param tenant the tenant
   * @param bot the bot
   */
  public record BotRef(String tenant, String bot) {

    /** The bot's API prefix below the context root. */
    public String apiPrefix() {
      return "/api/tenants/" + tenant + "/bots/" + bot;
    }
  }

  /** A {@code tenant/bot} value; empty when it is not one. */
  static Optional<BotRef> parse(String value) {
    String[] parts = value.trim().split("/", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      RequestChecks.name(parts[0], "tenant");
      RequestChecks.name(parts[1], "bot");
    } catch (ApiError e) {
      return Optional.empty();
    }
    return Optional.of(new BotRef(parts[0], parts[1]));
  }

  /** The bot for a request at Rasa's paths: the default bot, else the one the key belongs to. */
  public Optional<BotRef> botFor(Optional<String> key) {
    if (defaultBot.isPresent()) {
      return defaultBot;
    }
    if (key.isEmpty()) {
      return Optional.empty();
    }
    for (LoadedBot loaded : catalog.all()) {
      if (loaded.apiKeyHash() != null && ApiKeys.matches(key.get(), loaded.apiKeyHash())) {
        return Optional.of(new BotRef(loaded.model().tenant(), loaded.model().bot()));
      }
    }
    return Optional.empty();
  }
}
