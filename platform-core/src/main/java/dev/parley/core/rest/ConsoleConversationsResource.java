package dev.parley.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.admin.ConversationAdminService;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.json.Json;
import dev.parley.core.rest.dto.ChatTurnDto;
import dev.parley.core.rest.dto.ConversationDto;
import dev.parley.core.rest.dto.ConversationFoundDto;
import dev.parley.core.rest.dto.ErasedDto;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.core.turn.TurnResult;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The console's view of a bot's conversations: the test chat (a turn with what NLU and the policies
 * made of it), finding conversations, one conversation's events and slots (sensitive values masked
 * for viewers) and erasing one. Checked by the admin filter like every admin call.
 */
@ApplicationScoped
@Tag(name = "admin")
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleConversationsResource {

  private ConversationAdminService conversations;
  private ChannelTurns turns;
  private ServerSettings settings;

  /** For CDI proxies. */
  protected ConsoleConversationsResource() {}

  /** Wires the collaborators. */
  @Inject
  public ConsoleConversationsResource(
      ConversationAdminService conversations, ChannelTurns turns, ServerSettings settings) {
    this.conversations = conversations;
    this.turns = turns;
    this.settings = settings;
  }

  /** One test-chat turn: the replies, the parse (intent, ranking, entities), actions and slots. */
  @Operation(summary = "One test-chat turn")
  @POST
  @Path("tenants/{tenant}/bots/{bot}/chat")
  @Consumes(MediaType.APPLICATION_JSON)
  public ChatTurnDto chat(
      @PathParam("tenant") String tenant, @PathParam("bot") String bot, WebhookRequest request) {
    LoadedBot loaded = conversations.serving(tenant, bot);
    IncomingMessage checked = RequestChecks.message(request, settings.maxMessageChars());
    IncomingMessage incoming =
        new IncomingMessage(
            checked.sender(), checked.text(), checked.messageId(), checked.metadata(), "console");
    ChannelTurns.Outcome outcome = turns.runDetailed(loaded, incoming);
    return new ChatTurnDto(
        outcome.reply(),
        outcome
            .result()
            .map(TurnResult::parse)
            .map(p -> Json.mapper().<JsonNode>valueToTree(p))
            .orElse(null),
        outcome.result().map(TurnResult::actions).orElse(List.of()),
        outcome.result().isEmpty(),
        conversations.currentSlots(loaded.model(), incoming.sender()));
  }

  /** The bot's conversations by sender prefix and start date ({@code yyyy-mm-dd}, UTC). */
  @Operation(summary = "The bot's conversations by sender prefix and start date (yyyy-mm-dd, UTC)")
  @GET
  @Path("tenants/{tenant}/bots/{bot}/conversations")
  public List<ConversationFoundDto> find(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @QueryParam("sender") @DefaultValue("") String sender,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    conversations.serving(tenant, bot);
    Instant start = RequestChecks.day(from, "from").orElse(Instant.EPOCH);
    Instant end =
        RequestChecks.day(to, "to")
            .map(d -> d.plusSeconds(86_400))
            .orElse(Instant.now().plusSeconds(60));
    return conversations.find(tenant, bot, sender, start, end, limit).stream()
        .map(ConversationFoundDto::from)
        .toList();
  }

  /** One conversation: its events (all sessions) and current slots. */
  @Operation(summary = "One conversation")
  @GET
  @Path("tenants/{tenant}/bots/{bot}/conversations/{sender}")
  public ConversationDto conversation(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender) {
    return ConversationDto.from(
        sender, conversations.conversation(model(tenant, bot, sender), sender));
  }

  /** Erases a conversation (store and cache). */
  @Operation(summary = "Erases a conversation (store and cache)")
  @DELETE
  @Path("tenants/{tenant}/bots/{bot}/conversations/{sender}")
  public ErasedDto erase(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender) {
    conversations.erase(model(tenant, bot, sender), sender);
    return new ErasedDto(sender);
  }

  private BotModel model(String tenant, String bot, String sender) {
    BotModel model = conversations.serving(tenant, bot).model();
    RequestChecks.sender(sender);
    return model;
  }
}
