package dev.parley.core.rest;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.ops.WarmUpPass;
import dev.parley.core.tenant.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Who may talk to a bot: the bot's own API key as {@code Authorization: Bearer <key>}, or anyone
 * for a public bot. A key of another bot gets the same 404 as an unknown bot, so a tenant's key
 * reveals nothing about other tenants.
 */
@ApplicationScoped
public class ChannelAccess {

  private BotCatalog catalog;
  private WarmUpPass warmUp;

  /** For CDI proxies. */
  protected ChannelAccess() {}

  /** Uses the serving bots; the start-up warm-up's pass opens every bot while it runs. */
  @Inject
  public ChannelAccess(BotCatalog catalog, WarmUpPass warmUp) {
    this.catalog = catalog;
    this.warmUp = warmUp;
  }

  /** The bot, if the caller may use it; otherwise an {@link ApiError}. */
  public LoadedBot authorize(String tenant, String bot, Optional<String> authorization) {
    LoadedBot loaded = catalog.find(tenant, bot).orElseThrow(() -> ApiError.notFound("bot"));
    Optional<String> key =
        authorization
            .filter(header -> header.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(header -> header.substring(7).trim());
    if (key.isPresent()) {
      if (ApiKeys.matches(key.get(), loaded.apiKeyHash()) || warmUp.accepts(key.get())) {
        return loaded;
      }
      throw ApiError.notFound("bot");
    }
    if (loaded.publicBot()) {
      return loaded;
    }
    throw new ApiError(
        Response.Status.UNAUTHORIZED,
        "unauthorized",
        "this bot needs its API key: Authorization: Bearer <key>");
  }
}
