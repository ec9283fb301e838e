package dev.parley.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.bot.BotCatalog;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.console.SensitiveMasking;
import dev.parley.core.json.Json;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.security.CurrentCaller;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.jpa.ConversationDirectory;
import dev.parley.core.turn.ConversationQueries;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.core.turn.TurnResult;
import dev.parley.plugin.bot.SlotDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The console's view of a bot's conversations: the test chat (a turn with what NLU and the policies
 * made of it), finding conversations, one conversation's events and slots (sensitive values masked
 * for viewers) and erasing one. Checked by the admin filter like every admin call.
 */
@ApplicationScoped
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleConversationsResource {

  private BotCatalog catalog;
  private ChannelTurns turns;
  private ConversationQueries conversations;
  private ConversationDirectory directory;
  private ServerSettings settings;
  private CurrentCaller caller;

  /** For CDI proxies. */
  protected ConsoleConversationsResource() {}

  /** Wires the collaborators. */
  @Inject
  public ConsoleConversationsResource(
      BotCatalog catalog,
      ChannelTurns turns,
      ConversationQueries conversations,
      ConversationDirectory directory,
      ServerSettings settings,
      CurrentCaller caller) {
    this.catalog = catalog;
    this.turns = turns;
    this.conversations = conversations;
    this.directory = directory;
    this.settings = settings;
    this.caller = caller;
  }

  /** One test-chat turn: the replies, the parse (intent, ranking, entities), actions and slots. */
  @POST
  @Path("tenants/{tenant}/bots/{bot}/chat")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> chat(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot, WebhookRequest request) {
    LoadedBot loaded = serving(tenant, bot);
    IncomingMessage checked = RequestChecks.message(request, settings.maxMessageChars());
    IncomingMessage incoming =
        new IncomingMessage(
            checked.sender(), checked.text(), checked.messageId(), checked.metadata(), "console");
    ChannelTurns.Outcome outcome = turns.runDetailed(loaded, incoming);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messages", outcome.reply());
    outcome
        .result()
        .map(TurnResult::parse)
        .ifPresent(parse -> body.put("parse", Json.mapper().valueToTree(parse)));
    body.put("actions", outcome.result().map(TurnResult::actions).orElse(List.of()));
    body.put("failed", outcome.result().isEmpty());
    body.put(
        "slots",
        maskSlots(
            loaded.model(),
            conversations.tracker(loaded.model(), incoming.sender()).slots(),
            tenant));
    return body;
  }

  /** The bot's conversations by sender prefix and start date ({@code yyyy-mm-dd}, UTC). */
  @GET
  @Path("tenants/{tenant}/bots/{bot}/conversations")
  public List<Map<String, Object>> find(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("sender") @DefaultValue("") String sender,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    serving(tenant, bot);
    Instant start = day(from, "from").orElse(Instant.EPOCH);
    Instant end =
        day(to, "to").map(d -> d.plusSeconds(86_400)).orElse(Instant.now().plusSeconds(60));
    return directory
        .find(tenant, bot, sender, start, end, Math.max(1, Math.min(limit, 200)))
        .stream()
        .map(
            e ->
                Map.<String, Object>of(
                    "sender", e.sender(), "started_at", e.createdAt().toString()))
        .toList();
  }

  /** One conversation: its events (all sessions) and current slots. */
  @GET
  @Path("tenants/{tenant}/bots/{bot}/conversations/{sender}")
  public Map<String, Object> conversation(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender) {
    BotModel model = serving(tenant, bot).model();
    RequestChecks.sender(sender);
    Tracker tracker = conversations.tracker(model, sender);
    if (tracker.allEvents().isEmpty()) {
      throw ApiError.notFound("conversation");
    }
    boolean reveal = caller.require().seesSensitive(tenant);
    Set<String> sensitive = sensitiveSlots(model);
    List<JsonNode> events = Json.eventTrees(tracker.allEvents());
    if (!reveal) {
      SensitiveMasking.maskEvents(events, sensitive);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sender_id", sender);
    body.put("slots", maskSlots(model, tracker.slots(), tenant));
    body.put("sensitive_slots", sensitive);
    body.put("masked", !reveal);
    body.put("active_loop", tracker.activeLoop().orElse(null));
    body.put("events", events);
    return body;
  }

  /** Erases a conversation (store and cache). */
  @DELETE
  @Path("tenants/{tenant}/bots/{bot}/conversations/{sender}")
  public Map<String, Object> erase(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender) {
    BotModel model = serving(tenant, bot).model();
    RequestChecks.sender(sender);
    if (!conversations.erase(model, sender)) {
      throw ApiError.notFound("conversation");
    }
    return Map.of("erased", sender);
  }

  private LoadedBot serving(String tenant, String bot) {
    return catalog.find(tenant, bot).orElseThrow(() -> ApiError.notFound("bot"));
  }

  private Map<String, Object> maskSlots(BotModel model, Map<String, Object> slots, String tenant) {
    if (caller.require().seesSensitive(tenant)) {
      return slots;
    }
    Set<String> sensitive = sensitiveSlots(model);
    Map<String, Object> out = new LinkedHashMap<>();
    slots.forEach(
        (name, value) ->
            out.put(
                name, sensitive.contains(name) && value != null ? SensitiveMasking.MASK : value));
    return out;
  }

  private static Set<String> sensitiveSlots(BotModel model) {
    return model.domain().slots().values().stream()
        .filter(SlotDefinition::sensitive)
        .map(SlotDefinition::name)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static java.util.Optional<Instant> day(String value, String field) {
    if (value == null || value.isBlank()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("invalid_date", field + ": a date as yyyy-mm-dd");
    }
  }
}
