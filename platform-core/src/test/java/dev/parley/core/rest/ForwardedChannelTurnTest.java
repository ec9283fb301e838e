package dev.parley.core.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.LoadedBot;
import dev.parley.core.cluster.CacheNode;
import dev.parley.core.cluster.Forwarded;
import dev.parley.core.cluster.KeyOwners;
import dev.parley.core.cluster.MemberForwarder;
import dev.parley.core.cluster.MemberRequests;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.config.WarmUpTraffic;
import dev.parley.core.crypto.EncryptionKey;
import dev.parley.core.crypto.KeyRing;
import dev.parley.core.crypto.MemberSeal;
import dev.parley.core.json.Json;
import dev.parley.core.rest.channel.ChannelTurnGateway;
import dev.parley.core.rest.dto.ChannelMessageDto;
import dev.parley.core.rest.dto.WebhookRequest;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.turn.IncomingMessage;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelTurn;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel plugin's turn that arrives on a member that does not own the conversation: the member
 * forwards it over HTTP (the real {@link MemberForwarder}) to the owner, here an HTTP server in the
 * test that reads the body as the owner's REST webhook does (the core's JSON mapper, then {@link
 * RequestChecks#message}). The owner must record the turn as the channel's, with its metadata and
 * message id, and the owner can verify the sender's {@link MemberSeal}; a request that claims to be
 * passed on without a valid seal is refused.
 */
class ForwardedChannelTurnTest {

  private static final String WEBHOOK = "/api/tenants/t/bots/b/webhooks/rest/webhook";

  private static final BotModel MODEL =
      new BotModel(
          "t",
          "b",
          1,
          null,
          null,
          null,
          List.of(),
          Map.of(),
          List.of(),
          Optional.empty(),
          Optional.empty());

  private final List<IncomingMessage> ranOnOwner = new CopyOnWriteArrayList<>();
  private final List<IncomingMessage> ranOnReceiver = new CopyOnWriteArrayList<>();
  private final List<Boolean> sealVerified = new CopyOnWriteArrayList<>();
  private final MemberSeal seal =
      new MemberSeal(
          KeyRing.of(new EncryptionKey("k1", new SecretKeySpec(new byte[32], "AES"))),
          Clock.systemUTC());
  private final ServerSettings settings = TestSettings.inDir("target/forwarded-channel-turn");
  private HttpServer owner;
  private MemberForwarder forwarder;

  @BeforeEach
  void startOwner() throws IOException {
    owner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    owner.createContext(
        "/",
        exchange -> {
          sealVerified.add(
              seal.verifies(
                  exchange.getRequestHeaders().getFirst(TurnRouting.SEAL_HEADER),
                  exchange.getRequestHeaders().getFirst(MemberForwarder.FORWARDED_HEADER),
                  exchange.getRequestURI().getRawPath()));
          WebhookRequest request =
              Json.mapper().readValue(exchange.getRequestBody(), WebhookRequest.class);
          ranOnOwner.add(RequestChecks.message(request, settings.maxMessageChars()));
          byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    owner.start();
    forwarder = new MemberForwarder(500, 5_000);
  }

  @AfterEach
  void stopOwner() {
    owner.stop(0);
  }

  @Test
  void theOwnerRecordsAForwardedChannelTurnAsItsChannelsWithItsMetadata() {
    ChannelTurnGateway receiver =
        new ChannelTurnGateway(anyBot(), recording(ranOnReceiver), routingToOwner(), settings);
    Map<String, Object> metadata = Map.of("customData", Map.of("language", "de"));
    ChannelTurn turn =
        new ChannelTurn("user-1", "hello", Optional.of("m-1"), metadata, Optional.empty());

    receiver.run("socketio", new ChannelBot("t", "b", Map.of()), turn);

    assertEquals(List.of(), ranOnReceiver, "the turn runs on the owner only");
    assertEquals(
        List.of(new IncomingMessage("user-1", "hello", "m-1", metadata, "socketio")), ranOnOwner);
    assertEquals(List.of(true), sealVerified, "the owner can tell a member passed it on");
  }

  @Test
  void aRequestThatClaimsToBePassedOnWithoutAValidSealIsRefused() {
    TurnRouting routing = routingToOwner();
    ApiError unsealed =
        assertThrows(ApiError.class, () -> passedOnBy(routing, "receiver", Optional.empty()));
    assertEquals(403, unsealed.status());
    ApiError forged =
        assertThrows(
            ApiError.class,
            () -> passedOnBy(routing, "receiver", Optional.of(seal.seal("someone-else", WEBHOOK))));
    assertEquals(403, forged.status());
    assertEquals(
        Optional.empty(),
        passedOnBy(routing, "receiver", Optional.of(seal.seal("receiver", WEBHOOK))),
        "a sealed request runs here, never passed on again");
    assertEquals(List.of(), sealVerified, "nothing reached the owner");
  }

  @Test
  void aTurnPassedOnOverTheClusterRunsOnTheOwnerAsItsWebhookWould() {
    List<Boolean> warmUp = new CopyOnWriteArrayList<>();
    MemberTurns owner =
        new MemberTurns(
            anyBot(),
            recording(ranOnOwner, warmUp),
            settings,
            MemberRequests.none(),
            routingToOwner());
    Map<String, Object> metadata = Map.of("customData", Map.of("language", "de"));
    ConversationKey conversation = new ConversationKey("t", "b", "user-1");
    WebhookRequest request = new WebhookRequest("user-1", "hello", "m-1", metadata, "socketio");

    Forwarded.Answered answer =
        owner.answer(MemberTurns.write(conversation, request, Optional.of("Bearer k")));
    byte[] warm;
    try (WarmUpTraffic.Mark mark = WarmUpTraffic.mark()) {
      warm = MemberTurns.write(conversation, request, Optional.empty());
    }
    owner.answer(warm);

    assertEquals(200, answer.status());
    assertEquals("[]", new String(answer.body(), StandardCharsets.UTF_8));
    IncomingMessage expected = new IncomingMessage("user-1", "hello", "m-1", metadata, "socketio");
    assertEquals(List.of(expected, expected), ranOnOwner);
    assertEquals(List.of(false, true), warmUp, "the warm-up's mark crosses to the owner");
  }

  @Test
  void theOwnerAnswersARefusedOrUnreadableTurnWithTheWebhooksErrorBody() throws IOException {
    ChannelAccess refusing =
        new ChannelAccess() {
          @Override
          public LoadedBot authorize(String tenant, String bot, Optional<String> authorization) {
            throw new ApiError(401, "unauthorized", "a valid bot key is required", List.of());
          }
        };
    MemberTurns owner =
        new MemberTurns(
            refusing, recording(ranOnOwner), settings, MemberRequests.none(), routingToOwner());
    ConversationKey conversation = new ConversationKey("t", "b", "user-1");

    Forwarded.Answered refused =
        owner.answer(
            MemberTurns.write(
                conversation,
                new WebhookRequest("user-1", "hi", null, null, null),
                Optional.of("Bearer wrong")));
    Forwarded.Answered unreadable = owner.answer("not json".getBytes(StandardCharsets.UTF_8));

    assertEquals(401, refused.status());
    assertEquals("application/json", refused.contentType());
    assertEquals("unauthorized", Json.mapper().readTree(refused.body()).path("error").asText());
    assertEquals(400, unreadable.status());
    assertEquals(
        "malformed_turn", Json.mapper().readTree(unreadable.body()).path("error").asText());
    assertEquals(List.of(), ranOnOwner);
  }

  /** A webhook request that says member {@code from} passed it on, with this seal if any. */
  private static Optional<Response> passedOnBy(
      TurnRouting routing, String from, Optional<String> sealValue) {
    Map<String, String> values = new HashMap<>();
    values.put(MemberForwarder.FORWARDED_HEADER, from);
    sealValue.ifPresent(value -> values.put(TurnRouting.SEAL_HEADER, value));
    return routing.forward(
        new ConversationKey("t", "b", "user-1"), Map.of(), headers(values), uri(WEBHOOK));
  }

  private static HttpHeaders headers(Map<String, String> values) {
    return (HttpHeaders)
        Proxy.newProxyInstance(
            HttpHeaders.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class},
            (proxy, method, args) ->
                method.getName().equals("getHeaderString") ? values.get((String) args[0]) : null);
  }

  private static UriInfo uri(String path) {
    URI requestUri = URI.create("http://127.0.0.1:9080" + path);
    return (UriInfo)
        Proxy.newProxyInstance(
            UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> method.getName().equals("getRequestUri") ? requestUri : null);
  }

  @Test
  void aRestClientNamesItsInputChannelAsInRasaElseItIsRest() {
    assertEquals("rest", channelOf(null));
    assertEquals("rest", channelOf(" "));
    assertEquals("my-app", channelOf("my-app"));
    ApiError tooLong = assertThrows(ApiError.class, () -> channelOf("x".repeat(65)));
    assertEquals(400, tooLong.status());
  }

  private String channelOf(String inputChannel) {
    WebhookRequest request = new WebhookRequest("u", "hi", null, null, inputChannel);
    return RequestChecks.message(request, settings.maxMessageChars()).channel();
  }

  private TurnRouting routingToOwner() {
    URI ownerUrl = URI.create("http://127.0.0.1:" + owner.getAddress().getPort());
    KeyOwners ownedElsewhere =
        new KeyOwners() {
          @Override
          public boolean routed() {
            return true;
          }

          @Override
          public Optional<URI> remoteOwner(String key) {
            return Optional.of(ownerUrl);
          }
        };
    CacheNode receiverNode =
        new CacheNode() {
          @Override
          public String nodeName() {
            return "receiver";
          }
        };
    return new TurnRouting(
        ownedElsewhere,
        forwarder,
        MemberRequests.none(),
        receiverNode,
        uncountedMetrics(),
        seal,
        "cluster");
  }

  private static ChannelAccess anyBot() {
    return new ChannelAccess() {
      @Override
      public LoadedBot authorize(String tenant, String bot, Optional<String> authorization) {
        return new LoadedBot(MODEL, "", true);
      }
    };
  }

  private static ChannelTurns recording(List<IncomingMessage> ran) {
    return recording(ran, new ArrayList<>());
  }

  /** Records each turn, and whether it ran as warm-up traffic. */
  private static ChannelTurns recording(List<IncomingMessage> ran, List<Boolean> warmUp) {
    return new ChannelTurns() {
      @Override
      public List<ChannelMessageDto> run(LoadedBot bot, IncomingMessage incoming) {
        ran.add(incoming);
        warmUp.add(WarmUpTraffic.isCurrent());
        return List.of();
      }
    };
  }

  /** A registry whose counters count nothing (the routing counts turns by route). */
  private static MetricRegistry uncountedMetrics() {
    Counter counter =
        (Counter)
            Proxy.newProxyInstance(
                Counter.class.getClassLoader(),
                new Class<?>[] {Counter.class},
                (proxy, method, args) -> method.getReturnType() == long.class ? 0L : null);
    return (MetricRegistry)
        Proxy.newProxyInstance(
            MetricRegistry.class.getClassLoader(),
            new Class<?>[] {MetricRegistry.class},
            (proxy, method, args) -> method.getReturnType() == Counter.class ? counter : null);
  }
}
