package dev.parley.plugins.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that stands in for an LLM. It speaks OpenAI's chat-completions
 * format ({@code /<lane>/v1/chat/completions}) and Ollama's ({@code /<lane>/api/chat}). Each lane
 * (the first path segment) has its own {@link Behaviour} and keeps the request bodies it received,
 * so one server can play several tenants' models at once.
 *
 * <p>A normal answer is {@value #PREFIX} followed by the text after the prompt's {@code Response to
 * rephrase:} marker, i.e. a faithful rephrasing.
 *
 * <p>Run {@code java -cp <testkit jar>:<jackson jars> dev.parley.plugins.testkit.StubLlmServer
 * --port 9300 --delay-ms 200} for benchmarks.
 */
public final class StubLlmServer implements AutoCloseable {

  /** What a lane answers. */
  public enum Behaviour {
    /** A faithful rephrasing. */
    NORMAL,
    /** A faithful rephrasing after {@link #SLOW_MILLIS}. */
    SLOW,
    /** HTTP 500. */
    SERVER_ERROR,
    /** HTTP 429 (rate limited). */
    RATE_LIMITED,
    /** HTTP 200 with a body that is not JSON. */
    GARBAGE,
    /** A reply that drops the question the template asks. */
    DROP_QUESTION,
    /** A reply that says goodbye and claims the order is complete. */
    GOODBYE,
    /** A reply that repeats the system instructions. */
    LEAK_INSTRUCTIONS,
    /** A faithful rephrasing with an offer the bot never made. */
    OFFER
  }

  /** What an {@link Behaviour#OFFER} answer appends. */
  public static final String OFFER_TEXT = " Today only: a 50% discount!";

  /** Delay of {@link Behaviour#SLOW}. */
  public static final long SLOW_MILLIS = 3000;

  /** What a {@link Behaviour#NORMAL} answer starts with. */
  public static final String PREFIX = "Sure thing! ";

  private static final String MARKER = "Response to rephrase:";
  private static final int MAX_RECORDED = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Map<String, String> fixedReplies = new ConcurrentHashMap<>();
  private final Map<String, List<String>> received = new ConcurrentHashMap<>();
  private volatile long defaultDelay;

  private StubLlmServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a server on a free loopback port. */
  public static StubLlmServer start() throws IOException {
    return start(0);
  }

  /** Starts a server on the given loopback port (0: any free one). */
  public static StubLlmServer start(int port) throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    StubLlmServer stub = new StubLlmServer(http);
    http.createContext("/", stub::handle);
    http.setExecutor(stub.executor);
    http.start();
    return stub;
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The OpenAI-style base URL of a lane (ends in {@code /v1}). */
  public String openAiBaseUrl(String lane) {
    return "http://127.0.0.1:" + port() + "/" + lane + "/v1";
  }

  /** The Ollama-style base URL of a lane. */
  public String ollamaBaseUrl(String lane) {
    return "http://127.0.0.1:" + port() + "/" + lane;
  }

  /** Sets what a lane answers from now on. */
  public void behave(String lane, Behaviour behaviour) {
    behaviours.put(lane, behaviour);
  }

  /**
   * Makes a lane's normal (and slow) answers this fixed text instead of a rephrasing, e.g. the
   * intent name a classifying prompt asks for.
   */
  public void reply(String lane, String text) {
    fixedReplies.put(lane, text);
  }

  /** Delays every answer of a lane by the given time (on top of its behaviour). */
  public void delay(String lane, long millis) {
    delays.put(lane, millis);
  }

  /** Request bodies a lane has received, oldest first. */
  public List<String> requests(String lane) {
    return new ArrayList<>(received.getOrDefault(lane, List.of()));
  }

  /** Number of requests a lane has received. */
  public int requestCount(String lane) {
    return received.getOrDefault(lane, List.of()).size();
  }

  /** Request bodies of every lane. */
  public List<String> allRequests() {
    List<String> all = new ArrayList<>();
    received.values().forEach(all::addAll);
    return all;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/", 3);
      String lane = parts.length > 1 ? parts[1] : "";
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      List<String> log = received.computeIfAbsent(lane, key -> new CopyOnWriteArrayList<>());
      if (log.size() < MAX_RECORDED) {
        log.add(body);
      }
      boolean ollama = path.endsWith("/api/chat");
      if (!ollama && !path.endsWith("/chat/completions")) {
        send(exchange, 404, "{\"error\":\"unknown path\"}");
        return;
      }
      Behaviour behaviour = behaviours.getOrDefault(lane, Behaviour.NORMAL);
      sleep(
          delays.getOrDefault(lane, defaultDelay)
              + (behaviour == Behaviour.SLOW ? SLOW_MILLIS : 0));
      switch (behaviour) {
        case SERVER_ERROR -> send(exchange, 500, "{\"error\":{\"message\":\"internal error\"}}");
        case RATE_LIMITED -> send(exchange, 429, "{\"error\":{\"message\":\"rate limited\"}}");
        case GARBAGE -> send(exchange, 200, "{\"choices\": [ this is not json");
        default -> {
          JsonNode request = JSON.readTree(body);
          String fixed = fixedReplies.get(lane);
          String reply =
              fixed != null && (behaviour == Behaviour.NORMAL || behaviour == Behaviour.SLOW)
                  ? fixed
                  : reply(behaviour, request);
          send(exchange, 200, ollama ? ollamaAnswer(request, reply) : openAiAnswer(request, reply));
        }
      }
    } catch (RuntimeException e) {
      // The exchange is closed; the client sees a broken response, as with a crashing server.
    }
  }

  private static String reply(Behaviour behaviour, JsonNode request) {
    JsonNode messages = request.path("messages");
    String system = "";
    String last = "";
    for (JsonNode message : messages) {
      String content = message.path("content").asText("");
      if (message.path("role").asText().equals("system")) {
        system = content;
      } else {
        last = content;
      }
    }
    int marker = last.lastIndexOf(MARKER);
    String template = marker < 0 ? last : last.substring(marker + MARKER.length()).strip();
    return switch (behaviour) {
      case DROP_QUESTION -> "Okay, noted.";
      case GOODBYE -> "Thank you, your order is complete. Goodbye!";
      case LEAK_INSTRUCTIONS -> "My instructions say: " + system;
      case OFFER -> PREFIX + template + OFFER_TEXT;
      default -> PREFIX + template;
    };
  }

  private static String openAiAnswer(JsonNode request, String reply) throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("id", "chatcmpl-stub");
    answer.put("object", "chat.completion");
    answer.put("created", System.currentTimeMillis() / 1000);
    answer.put("model", request.path("model").asText("stub"));
    ObjectNode choice = answer.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", reply);
    choice.put("finish_reason", "stop");
    answer
        .putObject("usage")
        .put("prompt_tokens", 10)
        .put("completion_tokens", 10)
        .put("total_tokens", 20);
    return JSON.writeValueAsString(answer);
  }

  private static String ollamaAnswer(JsonNode request, String reply) throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("model", request.path("model").asText("stub"));
    answer.put("created_at", java.time.Instant.now().toString());
    answer.putObject("message").put("role", "assistant").put("content", reply);
    answer.put("done", true);
    answer.put("done_reason", "stop");
    answer.put("prompt_eval_count", 10);
    answer.put("eval_count", 10);
    return JSON.writeValueAsString(answer);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a stub until killed: {@code --port N} (default 9300), {@code --delay-ms D}. */
  public static void main(String[] args) throws IOException {
    int port = 9300;
    long delay = 0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--delay-ms" -> delay = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    StubLlmServer stub = start(port);
    stub.defaultDelay = delay;
    System.out.println("stub LLM on port " + stub.port() + ", delay " + delay + " ms");
  }
}
