package dev.parley.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.ops.TurnObserver;
import dev.parley.core.rest.dto.ChannelMessageDto;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.ConversationLocks.LockTimeoutException;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.TrackerJson;
import dev.parley.core.turn.BotMessage;
import dev.parley.core.turn.ConversationCommands;
import dev.parley.core.turn.ConversationQueries;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.core.turn.TurnOutcome;
import dev.parley.core.turn.TurnProcessor;
import dev.parley.plugin.conversation.Event;
import dev.parley.plugin.conversation.UserUttered;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The conversation endpoints of Rasa's HTTP API on a bot: append events, trigger an intent, run an
 * action, predict, and log a message. Request, response and error shapes are Rasa's; whatever
 * changes a conversation goes through the turn's lock, idempotency and single append.
 */
@ApplicationScoped
@Tag(name = "channel")
@Path("tenants/{tenant}/bots/{bot}")
@Produces(MediaType.APPLICATION_JSON)
public class RasaConversationResource {

  private static final Logger LOG = Logger.getLogger(RasaConversationResource.class.getName());

  /** The input channel of a message that came through this API, as Rasa names its collector. */
  static final String COLLECTOR = "collector";

  /** The text prefix of Rasa's external (triggered) user messages. */
  static final String EXTERNAL_PREFIX = "EXTERNAL: ";

  private ChannelAccess access;
  private TurnProcessor turns;
  private ConversationCommands commands;
  private TurnObserver observer;
  private ServerSettings settings;
  private ConversationQueries conversations;
  private TurnRouting routing;

  /** For CDI proxies. */
  protected RasaConversationResource() {}

  /** Wires the collaborators. */
  @Inject
  public RasaConversationResource(
      ChannelAccess access,
      TurnProcessor turns,
      ConversationCommands commands,
      TurnObserver observer,
      ServerSettings settings,
      ConversationQueries conversations,
      TurnRouting routing) {
    this.routing = routing;
    this.access = access;
    this.conversations = conversations;
    this.turns = turns;
    this.commands = commands;
    this.observer = observer;
    this.settings = settings;
  }

  /**
   * Rasa's {@code POST tracker/events}: appends one event or a list, as they are. {@code
   * output_channel} and {@code execute_side_effects} are accepted as Rasa's; no Parley channel
   * pushes messages and reminders are not supported, so there is no side effect to execute.
   */
  @Operation(summary = "Rasa's tracker/events: appends events to a conversation")
  @POST
  @Path("conversations/{sender}/tracker/events")
  public Response appendEvents(
      @BeanParam RasaConversationCall call,
      @QueryParam("output_channel") String outputChannel,
      @QueryParam("execute_side_effects") @DefaultValue("false") boolean sideEffects,
      InputStream body) {
    return routedChange(
        call,
        body,
        "You must provide events in the request body in order to append them to the"
            + " state of a conversation.",
        checked -> {
          List<Event> events = RasaRequests.events(checked.request());
          return () -> {
            Tracker tracker =
                guarded(
                    checked.model(),
                    checked.sender(),
                    () -> commands.append(checked.model(), checked.sender(), events));
            return TrackerJson.tracker(tracker, trackerInclude(checked.verbosity()));
          };
        });
  }

  /** Rasa's {@code trigger_intent}: a turn on an intent given by name, with entities. */
  @Operation(summary = "Rasa's trigger_intent: a turn on an intent given by name")
  @POST
  @Path("conversations/{sender}/trigger_intent")
  public Response triggerIntent(
      @BeanParam RasaConversationCall call,
      @QueryParam("output_channel") String outputChannel,
      InputStream body) {
    return routedChange(
        call,
        body,
        "No intent given in the request body.",
        checked -> {
          BotModel model = checked.model();
          String sender = checked.sender();
          String intent =
              RasaRequests.text(
                  checked.request(), "name", "Name of the intent not provided in request body.");
          ParseResult parse =
              new ParseResult(
                  EXTERNAL_PREFIX + intent,
                  new IntentPrediction(intent, 1.0),
                  List.of(new IntentPrediction(intent, 1.0)),
                  RasaRequests.entities(checked.request().get("entities")));
          if (!model.domain().intents().contains(intent)) {
            throw RasaError.notFound("The intent " + intent + " does not exist in the domain.");
          }
          String channel =
              outputChannelName(outputChannel, () -> latestInputChannel(model, sender));
          IncomingMessage incoming =
              new IncomingMessage(sender, parse.text(), null, Map.of("is_external", true), channel);
          return () -> {
            TurnOutcome outcome = turn(model, incoming, Optional.of(parse), true);
            return withMessages(
                outcome.tracker(), checked.verbosity(), outcome.result().messages(), sender);
          };
        });
  }

  /** Rasa's {@code execute}: runs one action now; nothing further is predicted. */
  @Operation(summary = "Rasa's execute: runs one action now")
  @POST
  @Path("conversations/{sender}/execute")
  public Response execute(
      @BeanParam RasaConversationCall call,
      @QueryParam("output_channel") String outputChannel,
      InputStream body) {
    return routedChange(
        call,
        body,
        "No action given in the request body.",
        checked -> {
          BotModel model = checked.model();
          String sender = checked.sender();
          JsonNode request = checked.request();
          String action =
              RasaRequests.text(
                  request, "name", "Name of the action not provided in request body.");
          if (!ConversationCommands.knows(model.domain(), action)) {
            throw RasaError.notFound("The action " + action + " does not exist in the domain.");
          }
          String policy =
              request.path("policy").isTextual() ? request.path("policy").textValue() : null;
          Double confidence =
              request.path("confidence").isNumber()
                  ? request.path("confidence").doubleValue()
                  : null;
          return () -> {
            ConversationCommands.Executed executed =
                guarded(
                    model,
                    sender,
                    () -> commands.execute(model, sender, action, policy, confidence));
            return withMessages(
                executed.tracker(), checked.verbosity(), executed.messages(), sender);
          };
        });
  }

  /** Rasa's {@code predict}: the next action's scores; nothing changes. */
  @Operation(summary = "Rasa's predict: the next action's scores, nothing changes")
  @POST
  @Path("conversations/{sender}/predict")
  public Map<String, Object> predict(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    BotModel model = authorize(tenant, bot, sender, Optional.ofNullable(authorization));
    ConversationCommands.NextAction next =
        guarded(model, sender, () -> commands.predict(model, sender))
            .orElseThrow(() -> RasaError.notFound("Conversation ID '" + sender + "' not found."));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("scores", next.scores());
    response.put("policy", next.policy());
    response.put("confidence", next.confidence());
    response.put("tracker", TrackerJson.tracker(next.tracker(), "AFTER_RESTART"));
    return response;
  }

  /**
   * Rasa's {@code messages}: logs a user message and extracts slots, without predicting. Only
   * {@code sender: "user"} is accepted; {@code parse_data} skips the bot's NLU.
   */
  @Operation(summary = "Rasa's messages: logs a user message and extracts slots")
  @POST
  @Path("conversations/{sender}/messages")
  public Response message(@BeanParam RasaConversationCall call, InputStream body) {
    return routedChange(
        call,
        body,
        "No message defined in request body. Add a message to the request body in order to"
            + " add it to the tracker.",
        checked -> {
          JsonNode request = checked.request();
          String from = request.path("sender").asText(null);
          if (!"user".equals(from)) {
            throw RasaError.badRequest(
                "Currently, only user messages can be passed to this endpoint. Messages of sender '"
                    + from
                    + "' cannot be handled.",
                "sender",
                "body");
          }
          String text =
              RasaRequests.text(request, "text", "'text' is required and must be a string.");
          if (text.length() > settings.maxMessageChars()) {
            throw new RasaError(
                413,
                "PayloadTooLarge",
                "'text' has "
                    + text.length()
                    + " characters; the limit is "
                    + settings.maxMessageChars(),
                Map.of("parameter", "text", "in", "body"));
          }
          Optional<ParseResult> parse =
              request.hasNonNull("parse_data")
                  ? Optional.of(RasaRequests.parseData(request.get("parse_data"), text))
                  : Optional.empty();
          String messageId =
              request.path("message_id").isTextual()
                  ? request.path("message_id").textValue()
                  : null;
          IncomingMessage incoming =
              new IncomingMessage(checked.sender(), text, messageId, Map.of(), null);
          return () ->
              TrackerJson.tracker(
                  turn(checked.model(), incoming, parse, false).tracker(),
                  trackerInclude(checked.verbosity()));
        });
  }

  /**
   * A conversation call whose bot is authorized, sender checked and body read: what {@link
   * #routedChange}'s check step gets.
   *
   * @param model the bot
   * @param sender the conversation's sender id
   * @param verbosity Rasa's {@code include_events} value, checked
   * @param request the JSON body
   */
  private record CheckedCall(BotModel model, String sender, String verbosity, JsonNode request) {}

  /**
   * The common course of a call that changes a conversation: the bot's access rule and the sender
   * check, {@code include_events}, the JSON body (answering {@code noBody} when there is none),
   * then the call's own checks, which return the change. The change runs here, or the request goes
   * to the cluster member that owns the conversation (as a turn does) and its answer is returned.
   */
  private Response routedChange(
      RasaConversationCall call,
      InputStream body,
      String noBody,
      Function<CheckedCall, Supplier<Object>> check) {
    BotModel model = authorize(call.tenant(), call.bot(), call.sender(), call.authorization());
    String verbosity = RasaRequests.verbosity(call.include());
    JsonNode request = RasaRequests.body(body, noBody);
    Supplier<Object> change =
        check.apply(new CheckedCall(model, call.sender(), verbosity, request));
    ConversationKey conversation = new ConversationKey(model.tenant(), model.bot(), call.sender());
    Optional<Response> forwarded;
    try {
      forwarded = routing.forward(conversation, request, call.headers(), call.uri());
    } catch (ApiError e) {
      throw RasaError.from(e);
    }
    return forwarded.orElseGet(
        () -> Response.ok(change.get(), MediaType.APPLICATION_JSON_TYPE).build());
  }

  private BotModel authorize(
      String tenant, String bot, String sender, Optional<String> authorization) {
    LoadedBot loaded;
    try {
      loaded = access.authorize(tenant, bot, authorization);
      RequestChecks.sender(sender);
    } catch (ApiError e) {
      throw RasaError.from(e);
    }
    return loaded.model();
  }

  private TurnOutcome turn(
      BotModel model, IncomingMessage incoming, Optional<ParseResult> parse, boolean predict) {
    long started = System.nanoTime();
    TurnOutcome outcome =
        guarded(model, incoming.sender(), () -> turns.handle(model, incoming, parse, predict));
    observer.completed(model, incoming.sender(), outcome.result(), System.nanoTime() - started);
    return outcome;
  }

  /** The channel a triggered message is recorded as coming from ({@code output_channel}). */
  static String outputChannelName(String requested, Supplier<Optional<String>> latest) {
    if (requested == null || requested.isBlank()) {
      return COLLECTOR;
    }
    if (requested.equals("latest")) {
      return latest.get().orElse(COLLECTOR);
    }
    return requested;
  }

  private Optional<String> latestInputChannel(BotModel model, String sender) {
    return conversations.tracker(model, sender).latestMessage().map(UserUttered::inputChannel);
  }

  /**
   * Runs a conversation change, answering failures in Rasa's shape: 503 when the conversation stays
   * busy, 500 {@code ConversationError} (logged with a reference) for anything unexpected.
   */
  private <T> T guarded(BotModel model, String sender, Supplier<T> work) {
    try {
      return work.get();
    } catch (RasaError | ApiError e) {
      throw e;
    } catch (LockTimeoutException e) {
      throw new RasaError(503, "ServiceUnavailable", e.getMessage(), Map.of());
    } catch (RuntimeException e) {
      String reference = UUID.randomUUID().toString();
      LOG.log(
          Level.SEVERE,
          "Rasa API call failed, reference "
              + reference
              + " (bot "
              + model.tenant()
              + "/"
              + model.bot()
              + ")",
          e);
      observer.failed(model, sender, reference);
      throw new RasaError(
          500,
          "ConversationError",
          "An unexpected error occurred; reference " + reference,
          Map.of());
    }
  }

  private static Map<String, Object> withMessages(
      Tracker tracker, String verbosity, List<BotMessage> messages, String sender) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("tracker", TrackerJson.tracker(tracker, trackerInclude(verbosity)));
    response.put(
        "messages", messages.stream().map(m -> ChannelMessageDto.from(sender, m)).toList());
    return response;
  }

  /** Rasa's {@code APPLIED} is what Parley's trackers keep after restarts and reverts. */
  private static String trackerInclude(String verbosity) {
    return verbosity.equals("APPLIED") ? "AFTER_RESTART" : verbosity;
  }
}
