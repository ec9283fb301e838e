package dev.parley.core.nlu;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.MessageParser;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/**
 * A dialogue server's parser when an NLU server is configured: answers from this server's parse
 * cache when it can, else asks the NLU server ({@link RemoteNluClient}, which parses here when that
 * fails).
 */
@ApplicationScoped
@Typed(RemoteMessageParser.class)
public class RemoteMessageParser implements MessageParser {

  private ParseCache cache;
  private NluMetrics metrics;
  private RemoteNluClient client;

  /** For CDI proxies. */
  protected RemoteMessageParser() {}

  /** Wires the collaborators. */
  @Inject
  public RemoteMessageParser(ParseCache cache, NluMetrics metrics, RemoteNluClient client) {
    this.cache = cache;
    this.metrics = metrics;
    this.client = client;
  }

  @Override
  public ParseResult parse(BotModel model, Message message) {
    var cached = cache.get(model.tenant(), model.bot(), model.version(), message.text());
    if (cached.isPresent()) {
      metrics.cacheHit(model.tenant(), model.bot());
      return cached.get();
    }
    return client.parse(model, message);
  }
}
