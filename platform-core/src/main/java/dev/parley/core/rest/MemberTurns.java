package dev.parley.core.rest;

import dev.parley.core.bot.LoadedBot;
import dev.parley.core.cluster.Forwarded;
import dev.parley.core.cluster.MemberRequests;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.config.WarmUpTraffic;
import dev.parley.core.json.Json;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.turn.IncomingMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * REST webhook turns passed between cluster members over {@link MemberRequests}: the sender writes
 * the turn with its bot, the caller's authorization and whether it is warm-up traffic; the owner
 * runs it as its REST webhook would (the same access check, message checks and turn) and answers
 * with the same status and JSON body, errors included. The owner answers on Liberty's managed
 * executor, in the application's context.
 */
@ApplicationScoped
public class MemberTurns {

  /**
   * One passed-on turn.
   *
   * @param tenant the bot's tenant
   * @param bot the bot
   * @param authorization the caller's {@code Authorization} value, if it sent one
   * @param warmUp whether the turn is the start-up warm-up's ({@link WarmUpTraffic})
   * @param request the turn as a REST webhook request
   */
  record PassedOnTurn(
      String tenant, String bot, String authorization, boolean warmUp, WebhookRequest request) {}

  @Resource private ManagedExecutorService executor;
  @Resource private ContextService contexts;

  private ChannelAccess access;
  private ChannelTurns turns;
  private ServerSettings settings;
  private MemberRequests members;
  private TurnRouting routing;

  /** For CDI proxies. */
  protected MemberTurns() {}

  /** Wires the collaborators. */
  @Inject
  public MemberTurns(
      ChannelAccess access,
      ChannelTurns turns,
      ServerSettings settings,
      MemberRequests members,
      TurnRouting routing) {
    this.access = access;
    this.turns = turns;
    this.settings = settings;
    this.members = members;
    this.routing = routing;
  }

  /** Starts answering other members' turns once the application runs (in a cluster only). */
  void serveAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (members.available()) {
      members.serve(
          contexts.createContextualProxy(
              (MemberRequests.Handler) this::answer, MemberRequests.Handler.class),
          executor);
    }
  }

  /** The bytes that pass a webhook turn of this conversation on to its owner. */
  static byte[] write(
      ConversationKey conversation, WebhookRequest request, Optional<String> authorization) {
    try {
      return Json.mapper()
          .writeValueAsBytes(
              new PassedOnTurn(
                  conversation.tenant(),
                  conversation.bot(),
                  authorization.orElse(null),
                  WarmUpTraffic.isCurrent(),
                  request));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the turn to pass on", e);
    }
  }

  /** Runs a turn another member passed on, answering as the REST webhook would. */
  Forwarded.Answered answer(byte[] bytes) {
    PassedOnTurn turn;
    try {
      turn = Json.mapper().readValue(bytes, PassedOnTurn.class);
    } catch (IOException e) {
      return answered(
          ErrorBodies.answer(
              400, "malformed_turn", "the passed-on turn cannot be read", List.of()));
    }
    try (WarmUpTraffic.Mark mark = turn.warmUp() ? WarmUpTraffic.mark() : () -> {}) {
      routing.countReceived();
      LoadedBot loaded =
          access.authorize(turn.tenant(), turn.bot(), Optional.ofNullable(turn.authorization()));
      IncomingMessage incoming = RequestChecks.message(turn.request(), settings.maxMessageChars());
      return answered(200, turns.run(loaded, incoming));
    } catch (RuntimeException e) {
      return answered(ErrorMappers.answerTo(e));
    }
  }

  private static Forwarded.Answered answered(ErrorBodies.Answer error) {
    return answered(error.status(), error.body());
  }

  private static Forwarded.Answered answered(int status, Object entity) {
    try {
      return new Forwarded.Answered(
          status,
          MediaType.APPLICATION_JSON,
          Json.mapper().writeValueAsBytes(entity == null ? List.of() : entity));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the answer", e);
    }
  }
}
