package dev.parley.core.rest.channel;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.rest.RasaBotBinding;
import dev.parley.plugin.channel.ChannelBot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Which bot a channel connection is for, and whether that bot turns the channel on: a bot named in
 * the path ({@code /channels/{tenant}/{bot}/...}) or, at the root paths, the bot bound to Rasa's
 * paths ({@code PARLEY_DEFAULT_BOT}); the channel must have a section in its {@code
 * credentials.yml}.
 */
@ApplicationScoped
public class ChannelBots {

  private BotCatalog catalog;
  private RasaBotBinding binding;
  private ChannelCredentials credentials;

  /** For CDI proxies. */
  protected ChannelBots() {}

  /** Wires the collaborators. */
  @Inject
  public ChannelBots(BotCatalog catalog, RasaBotBinding binding, ChannelCredentials credentials) {
    this.catalog = catalog;
    this.binding = binding;
    this.credentials = credentials;
  }

  /** The named bot with the channel's settings, if it serves and turns the channel on. */
  public Optional<ChannelBot> named(String tenant, String bot, String channel) {
    return catalog.find(tenant, bot).flatMap(loaded -> withChannel(loaded, channel));
  }

  /** The bot bound to Rasa's paths for this host and port, if it turns the channel on. */
  public Optional<ChannelBot> bound(String host, int port, String channel) {
    return binding
        .botFor(host, port, Optional.empty())
        .flatMap(ref -> named(ref.tenant(), ref.bot(), channel));
  }

  private Optional<ChannelBot> withChannel(LoadedBot loaded, String channel) {
    return credentials
        .settings(loaded, channel)
        .map(settings -> new ChannelBot(loaded.model().tenant(), loaded.model().bot(), settings));
  }
}
