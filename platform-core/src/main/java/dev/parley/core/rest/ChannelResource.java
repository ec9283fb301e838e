package dev.parley.core.rest;

import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.nlu.NluService;
import dev.parley.core.rest.dto.ErasedDto;
import dev.parley.core.rest.dto.ParseDto;
import dev.parley.core.rest.dto.ParseRequest;
import dev.parley.core.rest.dto.StatusDto;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.TrackerJson;
import dev.parley.core.turn.ConversationQueries;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.plugin.nlu.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;

/** A bot's channel API, in Rasa's shapes: REST webhook, parse, tracker, and Parley's state. */
@ApplicationScoped
@Path("tenants/{tenant}/bots/{bot}")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

  private ChannelAccess access;
  private ChannelTurns turns;
  private ConversationQueries conversations;
  private ServerSettings settings;
  private NluService nlu;
  private TurnRouting routing;

  /** For CDI proxies. */
  protected ChannelResource() {}

  /** Wires the collaborators. */
  @Inject
  public ChannelResource(
      ChannelAccess access,
      ChannelTurns turns,
      ConversationQueries conversations,
      ServerSettings settings,
      NluService nlu,
      TurnRouting routing) {
    this.nlu = nlu;
    this.routing = routing;
    this.access = access;
    this.turns = turns;
    this.conversations = conversations;
    this.settings = settings;
  }

  /** Rasa's REST channel health check. */
  @GET
  @Path("webhooks/rest")
  public StatusDto restStatus(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    access.authorize(tenant, bot, Optional.ofNullable(authorization));
    return new StatusDto("ok");
  }

  /** Rasa's REST channel: one user message in, the bot's messages out. */
  @POST
  @Path("webhooks/rest/webhook")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response webhook(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      WebhookRequest request) {
    LoadedBot loaded =
        access.authorize(
            tenant, bot, Optional.ofNullable(headers.getHeaderString(HttpHeaders.AUTHORIZATION)));
    IncomingMessage incoming = RequestChecks.message(request, settings.maxMessageChars());
    ConversationKey conversation =
        new ConversationKey(loaded.model().tenant(), loaded.model().bot(), incoming.sender());
    return routing
        .forward(conversation, request, headers, uri)
        .orElseGet(() -> Response.ok(turns.run(loaded, incoming)).build());
  }

  /** Rasa's {@code model/parse}: NLU only, nothing stored. */
  @POST
  @Path("model/parse")
  @Consumes(MediaType.APPLICATION_JSON)
  public ParseDto parse(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      ParseRequest request) {
    LoadedBot loaded = access.authorize(tenant, bot, Optional.ofNullable(authorization));
    String text =
        RequestChecks.text(
            request == null ? null : request.text(), "text", settings.maxMessageChars());
    BotModel model = loaded.model();
    return ParseDto.from(nlu.parse(model, new Message(text, model.config().language(), Map.of())));
  }

  /** Rasa's tracker of a conversation. */
  @GET
  @Path("conversations/{sender}/tracker")
  public Map<String, Object> tracker(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender,
      @QueryParam("include_events") @DefaultValue("AFTER_RESTART") String include,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    BotModel model = conversationBot(tenant, bot, sender, authorization);
    return TrackerJson.tracker(
        "NONE".equals(include)
            ? conversations.tracker(model, sender)
            : conversations.fullHistory(model, sender),
        include);
  }

  /** The compact state another device needs to continue the conversation. */
  @GET
  @Path("conversations/{sender}/state")
  public Map<String, Object> state(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender,
      @QueryParam("last") @DefaultValue("10") int last,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return TrackerJson.state(
        conversations.tracker(conversationBot(tenant, bot, sender, authorization), sender),
        Math.max(0, last));
  }

  /** Erases a conversation everywhere (data-protection requests). */
  @DELETE
  @Path("conversations/{sender}")
  public ErasedDto erase(
      @PathParam("tenant") String tenant,
      @PathParam("bot") String bot,
      @PathParam("sender") String sender,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    if (!conversations.erase(conversationBot(tenant, bot, sender, authorization), sender)) {
      throw ApiError.notFound("conversation");
    }
    return new ErasedDto(sender);
  }

  private BotModel conversationBot(String tenant, String bot, String sender, String authorization) {
    LoadedBot loaded = access.authorize(tenant, bot, Optional.ofNullable(authorization));
    RequestChecks.sender(sender);
    return loaded.model();
  }
}
