package dev.parley.core.nlu;

import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.bot.MessageParser;
import dev.parley.core.bot.NluRuntime.RetiredPipelineException;
import dev.parley.core.bot.RecheckRunner;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.NluDecision.StageVerdict;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Parses messages for the server: answers from the parse cache when it can, else runs the bot's
 * pipeline with its re-check stages behind the {@link PluginGuard}, and records the NLU metrics. A
 * result some stage could not give (timeout, error, open circuit) is not cached. Turns get their
 * parser from {@link MessageParsers} (this one, or the NLU server's).
 */
@ApplicationScoped
@Typed(NluService.class)
public class NluService implements MessageParser {

  private static final Set<String> ANSWERED =
      Set.of(StageVerdict.CONFIRMED, StageVerdict.CHANGED, StageVerdict.UNDECIDED);

  private PluginGuard guard;
  private ParseCache cache;
  private NluMetrics metrics;
  private BotCatalog catalog;

  /** For CDI proxies. */
  protected NluService() {}

  /** Wires the collaborators. */
  @Inject
  public NluService(PluginGuard guard, ParseCache cache, NluMetrics metrics, BotCatalog catalog) {
    this.guard = guard;
    this.cache = cache;
    this.metrics = metrics;
    this.catalog = catalog;
  }

  /** Parses a message with the given version of a bot (its successor if it was just retired). */
  @Override
  public ParseResult parse(BotModel model, Message message) {
    long start = System.nanoTime();
    BotModel serving = model;
    ParseResult result;
    var cached = cache.get(model.tenant(), model.bot(), model.version(), message.text());
    if (cached.isPresent()) {
      metrics.cacheHit(model.tenant(), model.bot());
      result = cached.get();
    } else {
      if (cache.enabled()) {
        metrics.cacheMiss(model.tenant(), model.bot());
      }
      try {
        result = model.nlu().parse(message, runner(model));
      } catch (RetiredPipelineException e) {
        serving = catalog.find(model.tenant(), model.bot()).map(LoadedBot::model).orElseThrow();
        result = serving.nlu().parse(message, runner(serving));
      }
      boolean complete =
          result.decision().stages().stream().allMatch(s -> ANSWERED.contains(s.outcome()));
      if (complete) {
        cache.put(serving.tenant(), serving.bot(), serving.version(), result);
      }
    }
    metrics.parsed(model.tenant(), model.bot(), System.nanoTime() - start, result.decision());
    return result;
  }

  /**
   * Parses with the bot's pipeline and guarded stages, bypassing cache and metrics (evaluation).
   */
  public ParseResult parseUncached(BotModel model, Message message) {
    return model.nlu().parse(message, runner(model));
  }

  private RecheckRunner runner(BotModel model) {
    return RecheckRunner.guarded(guard, model.tenant(), model.bot());
  }
}
