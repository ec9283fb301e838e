package dev.parley.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.cluster.CacheNode;
import dev.parley.core.cluster.Forwarded;
import dev.parley.core.cluster.KeyOwners;
import dev.parley.core.cluster.MemberForwarder;
import dev.parley.core.cluster.MemberRequests;
import dev.parley.core.config.WarmUpTraffic;
import dev.parley.core.crypto.MemberSeal;
import dev.parley.core.json.Json;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.TrackerCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sends a turn to the member that owns its conversation, when the cluster routes by owner and
 * another member owns it: the owner's answer is passed back as it is, over HTTP; with {@code
 * PARLEY_CLUSTER_FORWARD=cluster}, REST webhook turns (and the channel plugins' turns, as webhook
 * turns) go over the cluster's own connections instead ({@link MemberRequests}, {@link
 * MemberTurns}). A request that was already forwarded, or whose owner cannot be reached, is handled
 * here (the owner never got it); one whose owner got it but did not answer gets a 503, so the
 * client resends rather than the turn running twice. Counts turns by route as {@code
 * parley_turns_routed_total{route}}, except the start-up warm-up's ({@link WarmUpTraffic}).
 */
@ApplicationScoped
public class TurnRouting {

  private static final Logger LOG = Logger.getLogger(TurnRouting.class.getName());

  /**
   * The header with a passed-on request's {@link MemberSeal}: without a valid one a request that
   * claims to come from another member is refused, so a client cannot make a turn run away from its
   * conversation's owner.
   */
  public static final String SEAL_HEADER = "X-Parley-Forward-Seal";

  private KeyOwners owners;
  private MemberForwarder forwarder;
  private CacheNode node;
  private MetricRegistry metrics;
  private MemberSeal seal;
  private MemberRequests members;
  private boolean overHttp;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  /** For CDI proxies. */
  protected TurnRouting() {}

  /**
   * Wires the collaborators; {@code parley.cluster.forward} says how turns reach their owner: over
   * HTTP ({@code http}, the default) or over the cluster's own connections ({@code cluster}).
   */
  @Inject
  public TurnRouting(
      KeyOwners owners,
      MemberForwarder forwarder,
      MemberRequests members,
      CacheNode node,
      MetricRegistry metrics,
      MemberSeal seal,
      @ConfigProperty(name = "parley.cluster.forward", defaultValue = "http") String forward) {
    this.seal = seal;
    this.members = members;
    this.overHttp = ForwardMode.parse(forward) == ForwardMode.HTTP;
    this.owners = owners;
    this.forwarder = forwarder;
    this.node = node;
    this.metrics = metrics;
  }

  /**
   * The owner's answer to this request, if the conversation belongs to another member that got it;
   * empty when the turn is to run here.
   *
   * @param conversation the conversation of the turn
   * @param request the request body as received
   * @param headers the request's headers (authorization is passed on)
   * @param uri the request's URI (its path and query are kept)
   */
  public Optional<Response> forward(
      ConversationKey conversation, Object request, HttpHeaders headers, UriInfo uri) {
    if (!owners.routed()) {
      return Optional.empty();
    }
    String pathAndQuery = uri.getRequestUri().getRawPath() + query(uri);
    String from = headers.getHeaderString(MemberForwarder.FORWARDED_HEADER);
    if (from != null) {
      if (!seal.verifies(headers.getHeaderString(SEAL_HEADER), from, pathAndQuery)) {
        throw new ApiError(
            403,
            "forward_not_sealed",
            "the request says another member passed it on, but it carries no valid "
                + SEAL_HEADER
                + " (members must share their encryption keys)",
            List.of());
      }
      countReceived();
      return Optional.empty();
    }
    Optional<String> authorization =
        Optional.ofNullable(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    Optional<Forwarded.Answered> answered =
        request instanceof WebhookRequest webhook
            ? forwardWebhook(conversation, webhook, authorization)
            : forwardOverHttp(conversation, pathAndQuery, authorization, request);
    return answered.map(
        answer ->
            Response.status(answer.status())
                .type(answer.contentType())
                .entity(answer.body())
                .build());
  }

  /**
   * The owner's answer to a REST webhook turn (one that came in on another channel, a WebSocket
   * say, carries the channel as its {@code input_channel}); empty when the turn is to run here. It
   * goes over HTTP, or over the cluster's own connections ({@link MemberRequests}) with {@code
   * PARLEY_CLUSTER_FORWARD=cluster}.
   *
   * @param conversation the conversation of the turn
   * @param request the turn as a REST webhook request
   * @param authorization the caller's {@code Authorization} value, if any
   */
  public Optional<Forwarded.Answered> forwardWebhook(
      ConversationKey conversation, WebhookRequest request, Optional<String> authorization) {
    if (!owners.routed()) {
      return Optional.empty();
    }
    if (!overHttp && members.available()) {
      String key = TrackerCache.name(conversation);
      if (owners.ownsHere(key)) {
        count("local");
        return Optional.empty();
      }
      return passOn(
          "the owner of " + key,
          () -> members.sendToOwner(key, MemberTurns.write(conversation, request, authorization)));
    }
    String path =
        "/api/tenants/"
            + conversation.tenant()
            + "/bots/"
            + conversation.bot()
            + "/webhooks/rest/webhook";
    return forwardOverHttp(conversation, path, authorization, request);
  }

  private Optional<Forwarded.Answered> forwardOverHttp(
      ConversationKey conversation,
      String pathAndQuery,
      Optional<String> authorization,
      Object request) {
    Optional<URI> owner = owners.remoteOwner(TrackerCache.name(conversation));
    if (owner.isEmpty()) {
      count("local");
      return Optional.empty();
    }
    URI target = owner.get().resolve(pathAndQuery);
    Map<String, String> sealed = new HashMap<>();
    authorization.ifPresent(value -> sealed.put(HttpHeaders.AUTHORIZATION, value));
    sealed.put(SEAL_HEADER, seal.seal(node.nodeName(), pathAndQuery));
    return passOn(
        "the owner at " + target,
        () -> forwarder.post(target, sealed, body(request), node.nodeName()));
  }

  /**
   * Passes a request on with {@code send} and sorts out the result: the answer; empty (the turn
   * runs here) when it was not delivered; a 503 when it was delivered but not answered.
   */
  private Optional<Forwarded.Answered> passOn(String owner, Supplier<Forwarded> send) {
    Forwarded forwarded = send.get();
    if (forwarded instanceof Forwarded.Answered answered) {
      count("forwarded");
      return Optional.of(answered);
    }
    if (forwarded instanceof Forwarded.Unreachable unreachable) {
      count("owner_unreachable");
      LOG.warning(() -> owner + " is unreachable; turn runs here: " + unreachable.reason());
      return Optional.empty();
    }
    count("owner_no_answer");
    throw new ApiError(
        503,
        "owner_no_answer",
        "the server that holds this conversation did not answer; send the message again with the"
            + " same message_id",
        List.of());
  }

  /** Counts a turn another member passed on to this one. */
  void countReceived() {
    count("received");
  }

  private void count(String route) {
    if (WarmUpTraffic.isCurrent()) {
      return;
    }
    counters
        .computeIfAbsent(
            route, name -> metrics.counter("parley_turns_routed_total", new Tag("route", name)))
        .inc();
  }

  /** How a turn reaches its conversation's owner. */
  enum ForwardMode {
    /** Over the cluster's JGroups connections. */
    CLUSTER,
    /** Over HTTP to the owner's published URL. */
    HTTP;

    static ForwardMode parse(String text) {
      return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "cluster" -> CLUSTER;
        case "http" -> HTTP;
        default ->
            throw new IllegalArgumentException(
                "PARLEY_CLUSTER_FORWARD: '" + text + "' is neither 'cluster' nor 'http'");
      };
    }
  }

  private static String query(UriInfo uri) {
    String query = uri.getRequestUri().getRawQuery();
    return query == null ? "" : "?" + query;
  }

  private static byte[] body(Object request) {
    try {
      return Json.mapper().writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the request to forward", e);
    }
  }
}
