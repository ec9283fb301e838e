package it.dev.parley;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A real action server on a loopback port that answers like rasa_sdk: {@code action_check_stock} (a
 * response by name with variables, and a {@code slot} event) and {@code validate_order_form} (a
 * {@code FormValidationAction}: validates the trailing {@code slot} events of the tracker; a
 * quantity outside 1–10 is rejected with {@code null} and a message). It can be made slow, answer
 * 400 or 500, or be down (its port closed).
 */
final class TestActionServer {

  /** How the server answers. */
  enum Behaviour {
    NORMAL,
    SLOW,
    REJECT,
    ERROR,
    DOWN
  }

  static final long SLOW_MILLIS = 3000;

  private final int port;
  private final List<JsonNode> requests = new ArrayList<>();
  private HttpServer server;
  private volatile Behaviour behaviour = Behaviour.NORMAL;

  private TestActionServer(int port) {
    this.port = port;
  }

  static TestActionServer start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    TestActionServer actions = new TestActionServer(server.getAddress().getPort());
    actions.listen(server);
    return actions;
  }

  /** The base URL ({@code /webhook} is appended by the bot's endpoints.yml). */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  synchronized void behave(Behaviour next) throws IOException {
    if (next == Behaviour.DOWN && server != null) {
      server.stop(0);
      server = null;
    } else if (next != Behaviour.DOWN && server == null) {
      listen(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }
    behaviour = next;
  }

  /** Every request body received, oldest first. */
  synchronized List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  private void listen(HttpServer created) {
    created.createContext("/webhook", this::handle);
    created.setExecutor(Executors.newCachedThreadPool());
    created.start();
    server = created;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request =
          ParleyServer.JSON.readTree(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      synchronized (this) {
        requests.add(request);
      }
      String action = request.path("next_action").asText();
      switch (behaviour) {
        case SLOW -> sleep(SLOW_MILLIS);
        case REJECT -> {
          respond(exchange, 400, Map.of("action_name", action, "error", "not now"));
          return;
        }
        case ERROR -> {
          respond(exchange, 500, Map.of("error", "boom", "request_body", request));
          return;
        }
        default -> {}
      }
      switch (action) {
        case "action_check_stock" -> respond(exchange, 200, checkStock(request));
        case "validate_order_form" -> respond(exchange, 200, validateOrderForm(request));
        default ->
            respond(
                exchange,
                404,
                Map.of("error", "No registered action found for name '" + action + "'."));
      }
    }
  }

  private static Map<String, Object> checkStock(JsonNode request) {
    String item = request.path("tracker").path("slots").path("item").asText("nothing");
    Map<String, Object> message = dispatcherMessage();
    message.put("response", "utter_in_stock");
    message.put("item", item);
    message.put("count", 3);
    return Map.of("events", List.of(slot("stock_checked", true)), "responses", List.of(message));
  }

  /** rasa_sdk's FormValidationAction: the slots to validate are the tracker's last slot events. */
  private static Map<String, Object> validateOrderForm(JsonNode request) {
    Map<String, JsonNode> candidates = new LinkedHashMap<>();
    ArrayNode events = (ArrayNode) request.path("tracker").path("events");
    for (int i = events.size() - 1; i >= 0; i--) {
      JsonNode event = events.get(i);
      if (!event.path("event").asText().equals("slot")) {
        break;
      }
      candidates.putIfAbsent(event.path("name").asText(), event.path("value"));
    }
    List<Object> validated = new ArrayList<>();
    List<Object> responses = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = candidates.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> candidate = it.next();
      Object value = ParleyServer.JSON.convertValue(candidate.getValue(), Object.class);
      if (candidate.getKey().equals("quantity")) {
        int quantity = parse(candidate.getValue().asText());
        if (quantity < 1 || quantity > 10) {
          value = null;
          Map<String, Object> message = dispatcherMessage();
          message.put("response", "utter_invalid_quantity");
          responses.add(message);
        }
      }
      validated.add(slot(candidate.getKey(), value));
    }
    return Map.of("events", validated, "responses", responses);
  }

  private static int parse(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** What rasa_sdk's dispatcher sends for {@code utter_message(response=...)}. */
  private static Map<String, Object> dispatcherMessage() {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("text", null);
    message.put("buttons", List.of());
    message.put("elements", List.of());
    message.put("custom", Map.of());
    message.put("template", null);
    message.put("response", null);
    message.put("image", null);
    message.put("attachment", null);
    return message;
  }

  private static Map<String, Object> slot(String name, Object value) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", "slot");
    event.put("timestamp", null);
    event.put("name", name);
    event.put("value", value);
    return event;
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = ParleyServer.JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      // the caller gave up (timeout): nothing to answer
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
