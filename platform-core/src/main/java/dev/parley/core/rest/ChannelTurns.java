package dev.parley.core.rest;

import dev.parley.core.bot.LoadedBot;
import dev.parley.core.ops.TurnObserver;
import dev.parley.core.tracker.ConversationLocks.LockTimeoutException;
import dev.parley.core.turn.BotMessage;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.core.turn.TurnProcessor;
import dev.parley.core.turn.TurnResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a channel turn and shapes the reply as Rasa's REST channel does. A failure inside the server
 * gives the user the bot's apology sentence and is logged with an id; nothing half-done is stored.
 */
@ApplicationScoped
public class ChannelTurns {

  private static final Logger LOG = Logger.getLogger(ChannelTurns.class.getName());

  private TurnProcessor processor;
  private TurnObserver observer;

  /** For CDI proxies. */
  protected ChannelTurns() {}

  /** Wires the collaborators. */
  @Inject
  public ChannelTurns(TurnProcessor processor, TurnObserver observer) {
    this.processor = processor;
    this.observer = observer;
  }

  /**
   * A turn's reply in the channel's shape, and what the turn did (empty when it failed and the
   * reply is the apology).
   */
  public record Outcome(List<Map<String, Object>> reply, java.util.Optional<TurnResult> result) {}

  /** The bot's reply messages for one user message. */
  public List<Map<String, Object>> run(LoadedBot bot, IncomingMessage incoming) {
    return runDetailed(bot, incoming).reply();
  }

  /** Runs a turn like {@link #run}, keeping the turn's parse and actions (the test chat). */
  public Outcome runDetailed(LoadedBot bot, IncomingMessage incoming) {
    long started = System.nanoTime();
    TurnResult result;
    try {
      result = processor.handle(bot.model(), incoming);
    } catch (LockTimeoutException e) {
      throw e;
    } catch (RuntimeException e) {
      String errorId = UUID.randomUUID().toString();
      LOG.log(
          Level.SEVERE,
          "turn failed, reference "
              + errorId
              + " (bot "
              + bot.model().tenant()
              + "/"
              + bot.model().bot()
              + ")",
          e);
      observer.failed(bot.model(), incoming.sender(), errorId);
      Map<String, Object> apology = new LinkedHashMap<>();
      apology.put("recipient_id", incoming.sender());
      apology.put("text", bot.model().apology());
      return new Outcome(List.of(apology), java.util.Optional.empty());
    }
    observer.completed(bot.model(), incoming.sender(), result, System.nanoTime() - started);
    List<Map<String, Object>> reply = new ArrayList<>(result.messages().size());
    for (BotMessage message : result.messages()) {
      reply.add(toChannel(incoming.sender(), message));
    }
    return new Outcome(reply, java.util.Optional.of(result));
  }

  private static Map<String, Object> toChannel(String recipient, BotMessage message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("recipient_id", recipient);
    if (message.text() != null) {
      out.put("text", message.text());
    }
    if (!message.buttons().isEmpty()) {
      out.put(
          "buttons",
          message.buttons().stream()
              .map(b -> Map.of("title", b.title(), "payload", b.payload()))
              .toList());
    }
    if (message.image() != null) {
      out.put("image", message.image());
    }
    if (!message.custom().isEmpty()) {
      out.put("custom", message.custom());
    }
    return out;
  }
}
