package dev.parley.core.rest;

import dev.parley.core.bot.LoadedBot;
import dev.parley.core.db.DatabaseUnavailableException;
import dev.parley.core.ops.TurnObserver;
import dev.parley.core.rest.dto.ChannelMessageDto;
import dev.parley.core.tracker.AppendConflictException;
import dev.parley.core.tracker.ConversationLocks.LockTimeoutException;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.core.turn.TurnProcessor;
import dev.parley.core.turn.TurnResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a channel turn and shapes the reply as Rasa's REST channel does. A failure inside the server
 * gives the user the bot's apology sentence and is logged with an id; nothing half-done is stored.
 * What a resend can mend is not the bot's failure and passes to the caller as an error answer: a
 * busy conversation, a database that is unavailable or did not answer in time (503), a conversation
 * that changed on another server (409).
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
  public record Outcome(List<ChannelMessageDto> reply, Optional<TurnResult> result) {}

  /** The bot's reply messages for one user message. */
  public List<ChannelMessageDto> run(LoadedBot bot, IncomingMessage incoming) {
    return runDetailed(bot, incoming).reply();
  }

  /** Runs a turn like {@link #run}, keeping the turn's parse and actions (the test chat). */
  public Outcome runDetailed(LoadedBot bot, IncomingMessage incoming) {
    long started = System.nanoTime();
    TurnResult result;
    try {
      result = processor.handle(bot.model(), incoming);
    } catch (LockTimeoutException | DatabaseUnavailableException | AppendConflictException e) {
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
      return new Outcome(
          List.of(ChannelMessageDto.apology(incoming.sender(), bot.model().apology())),
          Optional.empty());
    }
    observer.completed(bot.model(), incoming.sender(), result, System.nanoTime() - started);
    List<ChannelMessageDto> reply =
        result.messages().stream()
            .map(message -> ChannelMessageDto.from(incoming.sender(), message))
            .toList();
    return new Outcome(reply, Optional.of(result));
  }
}
