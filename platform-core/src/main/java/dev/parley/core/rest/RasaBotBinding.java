package dev.parley.core.rest;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.tenant.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which bot answers at Rasa's own paths ({@code /webhooks/rest/webhook}, {@code /model/parse},
 * {@code /conversations/...}, {@code /domain}): the bot bound to the host name or port the request
 * came to, else the server's default bot, else the bot whose API key the caller sends. {@code
 * PARLEY_DEFAULT_BOT} is {@code tenant/bot}, or a comma-separated list of {@code tenant/bot} (the
 * default) and {@code host=tenant/bot}, {@code host:port=tenant/bot} or {@code :port=tenant/bot}.
 */
@ApplicationScoped
public class RasaBotBinding {

  private static final Logger LOG = Logger.getLogger(RasaBotBinding.class.getName());

  private BotCatalog catalog;
  private Map<String, BotRef> bindings;

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
    this.bindings = bindings(configured.orElse(""));
    bindings.forEach(
        (where, bot) ->
            LOG.info(
                "Rasa's paths answer for bot "
                    + bot.tenant()
                    + "/"
                    + bot.bot()
                    + (where.isEmpty() ? "" : " at " + where)));
  }

  /**
   * The bindings of a {@code PARLEY_DEFAULT_BOT} value, by where they apply ({@code ""} for the
   * default); entries that are not a bot are logged and left out.
   */
  static Map<String, BotRef> bindings(String value) {
    Map<String, BotRef> bindings = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String where = equals < 0 ? "" : entry.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      Optional<BotRef> bot = parse(equals < 0 ? entry : entry.substring(equals + 1));
      if (bot.isEmpty()) {
        LOG.warning(
            "PARLEY_DEFAULT_BOT entries are tenant/bot or host=tenant/bot; ignoring '"
                + entry.trim()
                + "'");
        continue;
      }
      bindings.put(where, bot.get());
    }
    return Map.copyOf(bindings);
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

  /** The bot bound to a host and port, if any (see {@link #botFor}). */
  static Optional<BotRef> bound(Map<String, BotRef> bindings, String host, int port) {
    String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
    for (String where : List.of(name + ":" + port, name, ":" + port, "")) {
      if (bindings.containsKey(where)) {
        return Optional.of(bindings.get(where));
      }
    }
    return Optional.empty();
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

  /**
   * The bot for a request at Rasa's paths: the one bound to its host and port, to its host, to its
   * port, the default one, else the one the key belongs to.
   *
   * @param host the host name the request was sent to
   * @param port the port it was sent to
   * @param key the caller's API key, if any
   */
  public Optional<BotRef> botFor(String host, int port, Optional<String> key) {
    Optional<BotRef> bound = bound(bindings, host, port);
    if (bound.isPresent()) {
      return bound;
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
