package dev.parley.core.actionserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parley.core.DemoBotFiles;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.GuardSettings;
import dev.parley.core.plugin.GuardedKind;
import dev.parley.core.plugin.PluginDeadlines;
import dev.parley.core.plugin.PluginGuard;
import dev.parley.core.plugin.PluginKey;
import dev.parley.core.plugin.PluginMeters;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.plugin.ServerWideBounds;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.turn.ActionOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Action-server calls through the plugin guard against a real HTTP server: results, rejections and
 * failures with their reasons, and the bot's circuit that opens after repeated failures.
 */
class ActionServerGuardTest {

  private static final String ACTION = "action_check_stock";
  private static final PluginRegistry REGISTRY =
      new PluginRegistry(
          new ServerSettings(
              "target/action-guard-test",
              Optional.of("target/no-plugins"),
              Optional.empty(),
              Optional.empty(),
              4096,
              1000,
              10,
              1,
              false));

  private static HttpServer server;
  private static final AtomicInteger requests = new AtomicInteger();
  private static volatile int status = 200;
  private static volatile String body = "{\"events\": [], \"responses\": []}";
  private static PluginDeadlines deadlines;
  private static PluginGuard guard;

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/webhook",
        exchange -> {
          requests.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] answer = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    GuardSettings settings = GuardSettings.defaults();
    deadlines = new PluginDeadlines(settings, Executors.defaultThreadFactory());
    guard = new PluginGuard(settings, PluginMeters.NONE, new ServerWideBounds(deadlines));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    deadlines.stop();
  }

  private static BotModel bot(String name, int port) throws Exception {
    Map<String, String> files = new HashMap<>(DemoBotFiles.load());
    String domain = files.get("domain.yml");
    files.put(
        "domain.yml",
        domain + (domain.endsWith("\n") ? "" : "\n") + "actions:\n  - " + ACTION + "\n");
    files.put("endpoints.yml", "action_endpoint:\n  url: http://127.0.0.1:" + port + "/webhook\n");
    var project = new BotProjectParser(variable -> Optional.empty()).parse(files);
    return new BotAssembler(REGISTRY).assemble("acme", name, 1, project, new HashMap<>(), true);
  }

  private static ActionOutcome run(BotModel model) {
    Tracker tracker =
        Tracker.fromStored(
            new ConversationKey("acme", model.bot(), "s"), model.domain().slots(), List.of());
    return new ActionServerActions(guard, new ActionServerHttp(1000)).run(ACTION, tracker, model);
  }

  @Test
  void answersRejectionsAndFailuresKeepTheirMeaningThenTheBotsCircuitOpens() throws Exception {
    BotModel model = bot("stock", server.getAddress().getPort());
    status = 200;
    assertTrue(run(model) instanceof ActionOutcome.Completed, "200 is a result");
    status = 400;
    body = "{\"action_name\": \"" + ACTION + "\", \"error\": \"out of stock\"}";
    assertEquals(new ActionOutcome.Rejected("out of stock"), run(model));
    status = 404;
    body = "{}";
    assertEquals(new ActionOutcome.Failed("not_found"), run(model));
    status = 500;
    // Two failures in the last four calls: half of them, so the circuit opens.
    assertEquals(new ActionOutcome.Failed("http_error"), run(model));
    CircuitBreaker breaker =
        guard.breaker(
            new PluginKey(GuardedKind.ACTION_SERVER, PluginKey.ACTION_SERVER, "acme", "stock"));
    assertEquals(CircuitBreaker.State.OPEN, breaker.getState());
    int before = requests.get();
    assertEquals(new ActionOutcome.Failed("circuit_open"), run(model));
    assertEquals(before, requests.get(), "an open circuit makes no call");
    status = 200;
    body = "{\"events\": [], \"responses\": []}";
  }

  @Test
  void aServerThatCannotBeReachedIsUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertEquals(new ActionOutcome.Failed("unreachable"), run(bot("gone", closedPort)));
  }
}
