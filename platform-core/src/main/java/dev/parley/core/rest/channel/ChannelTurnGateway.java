package dev.parley.core.rest.channel;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.cluster.Forwarded;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.db.DatabaseUnavailableException;
import dev.parley.core.json.Json;
import dev.parley.core.rest.ApiError;
import dev.parley.core.rest.ChannelAccess;
import dev.parley.core.rest.ChannelTurns;
import dev.parley.core.rest.ErrorMappers;
import dev.parley.core.rest.TurnRouting;
import dev.parley.core.rest.dto.ChannelMessageDto;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.tracker.AppendConflictException;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationLocks.LockTimeoutException;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelTurn;
import dev.parley.plugin.channel.OutgoingMessage;
import dev.parley.plugin.channel.TurnRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a channel plugin's turn the REST channel's way: the bot's access rule, the message checks,
 * routing to the member that owns the conversation (as a REST webhook turn that names the channel
 * in {@code input_channel}, so the owner records it as this channel's message), then {@link
 * ChannelTurns} (lock, idempotency, persistence).
 */
@ApplicationScoped
public class ChannelTurnGateway {

  private static final int MAX_SENDER = 256;

  private ChannelAccess access;
  private ChannelTurns turns;
  private TurnRouting routing;
  private ServerSettings settings;

  /** For CDI proxies. */
  protected ChannelTurnGateway() {}

  /** Wires the collaborators. */
  @Inject
  public ChannelTurnGateway(
      ChannelAccess access, ChannelTurns turns, TurnRouting routing, ServerSettings settings) {
    this.access = access;
    this.turns = turns;
    this.routing = routing;
    this.settings = settings;
  }

  /**
   * Runs one turn that came in on a channel.
   *
   * @param channel the channel's name (the user event's {@code input_channel})
   * @param bot the bot
   * @param turn the message
   * @throws TurnRefusedException when the caller may not use the bot or the message is not valid
   */
  public List<OutgoingMessage> run(String channel, ChannelBot bot, ChannelTurn turn) {
    try {
      LoadedBot loaded = access.authorize(bot.tenant(), bot.bot(), turn.authorization());
      check(turn);
      ConversationKey conversation =
          new ConversationKey(loaded.model().tenant(), loaded.model().bot(), turn.sender());
      WebhookRequest request =
          new WebhookRequest(
              turn.sender(), turn.text(), turn.messageId().orElse(null), turn.metadata(), channel);
      Optional<Forwarded.Answered> forwarded =
          routing.forwardWebhook(conversation, request, turn.authorization());
      if (forwarded.isPresent()) {
        return fromOwner(forwarded.get());
      }
      IncomingMessage incoming =
          new IncomingMessage(
              turn.sender(), turn.text(), turn.messageId().orElse(null), turn.metadata(), channel);
      return turns.run(loaded, incoming).stream().map(ChannelTurnGateway::outgoing).toList();
    } catch (ApiError e) {
      throw new TurnRefusedException(e.status(), e.code(), e.getMessage());
    } catch (LockTimeoutException | DatabaseUnavailableException | AppendConflictException e) {
      throw ErrorMappers.asRefusal(e);
    }
  }

  private void check(ChannelTurn turn) {
    if (turn.sender() == null || turn.sender().isEmpty() || turn.sender().length() > MAX_SENDER) {
      throw ApiError.badRequest(
          "invalid_sender", "the sender id must have 1 to " + MAX_SENDER + " characters");
    }
    if (turn.text() == null) {
      throw ApiError.badRequest("invalid_field", "'message' is required and must be a string");
    }
    if (turn.text().length() > settings.maxMessageChars()) {
      throw new ApiError(
          413,
          "message_too_long",
          "the message has "
              + turn.text().length()
              + " characters; the limit is "
              + settings.maxMessageChars(),
          List.of());
    }
  }

  private static List<OutgoingMessage> fromOwner(Forwarded.Answered answer) {
    byte[] body = answer.body();
    if (answer.status() != 200) {
      throw new TurnRefusedException(
          answer.status(),
          "owner_refused",
          new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      List<ChannelMessageDto> messages =
          Json.mapper().readValue(body, new TypeReference<List<ChannelMessageDto>>() {});
      return messages.stream().map(ChannelTurnGateway::outgoing).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("the owner's answer is not a list of bot messages", e);
    }
  }

  static OutgoingMessage outgoing(ChannelMessageDto message) {
    return new OutgoingMessage(
        message.recipientId(),
        Optional.ofNullable(message.text()),
        message.buttons() == null
            ? List.of()
            : message.buttons().stream()
                .map(b -> new OutgoingMessage.Button(b.title(), b.payload()))
                .toList(),
        Optional.ofNullable(message.image()),
        message.custom() == null ? java.util.Map.of() : message.custom());
  }
}
