package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat widgets in a real browser: {@code src/test/node/widgets.e2e.mjs} (playwright-core driving
 * Debian's headless Chromium) opens a page embedding Microsoft's Web Chat over Direct Line and a
 * page with {@code socket.io-client}, both served from another origin than the server's, and holds
 * a form conversation with buttons on each: it types, clicks the button the bot offered, types the
 * last answer. The bot's replies shown in each page and the slots of each conversation's tracker
 * are checked. Skipped when {@code /usr/bin/chromium} is missing ({@code .ci/run} installs it).
 */
class WidgetsE2EIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String TENANT = "widgets-it";
  private static final String BOT = "booking";
  private static final String PREFIX = "/api/tenants/" + TENANT + "/bots/" + BOT;
  private static final String CHANNELS = "/channels/" + TENANT + "/" + BOT;
  private static ParleyServer server;
  private static String key;
  private static JsonNode result;

  @BeforeAll
  static void converse() throws Exception {
    Assumptions.assumeTrue(
        System.getProperty("parley.it.external.db.url", "").isBlank(),
        "the browser test runs in the embedded-database run");
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Debian's chromium is not installed (apt-get install chromium)");
    server = ParleyServer.shared();
    key = BotProjects.create(server, TENANT, BOT, BotProjects.zip("socketio-booking"));
    // a first turn loads the bot, so that the browser's turns take their usual time
    var warm =
        server.postJson(
            PREFIX + "/webhooks/rest/webhook",
            "{\"sender\":\"it-widget-warm-up\",\"message\":\"hello\"}",
            ParleyServer.bearer(key));
    assertEquals(200, warm.statusCode(), warm.body());
    Path screenshots =
        Path.of(System.getProperty("parley.widgets.screenshots", "target/widgets-screenshots"))
            .toAbsolutePath();
    Files.createDirectories(screenshots);
    ObjectNode config = ParleyServer.JSON.createObjectNode();
    config.put("chromium", CHROMIUM.toString());
    config.put("screenshots", screenshots.toString());
    config
        .putObject("directline")
        .put("domain", server.baseUrl() + CHANNELS + "/directline/v3/directline")
        .put("secret", key);
    config
        .putObject("socketio")
        .put("url", server.baseUrl())
        .put("path", CHANNELS + "/socketio/socket.io/")
        .put("token", key)
        .put("session", "it-widget-" + System.nanoTime());
    result = NodeClient.run("widgets.e2e.mjs", config);
  }

  private static List<List<String>> turns(JsonNode widget) {
    List<List<String>> turns = new ArrayList<>();
    widget
        .path("turns")
        .forEach(
            turn -> {
              List<String> texts = new ArrayList<>();
              turn.forEach(text -> texts.add(text.asText()));
              turns.add(texts);
            });
    return turns;
  }

  /** The widget showed the form's questions, offered the buttons, and the click filled a slot. */
  private static void formConversationShown(JsonNode widget, String channel) throws IOException {
    List<List<String>> turns = turns(widget);
    assertEquals(3, turns.size(), widget.toString());
    assertEquals(List.of("Which cuisine would you like?"), turns.get(0), widget.toString());
    assertTrue(widget.path("buttons").toString().contains("\"Italian\""), widget.toString());
    assertEquals(List.of("For how many people (1 to 12)?"), turns.get(1), widget.toString());
    assertEquals(1, turns.get(2).size(), widget.toString());
    assertTrue(turns.get(2).get(0).contains("italian"), widget.toString());
    assertTrue(turns.get(2).get(0).contains("4"), widget.toString());

    String sender = widget.path("sender").asText();
    assertTrue(!sender.isEmpty(), widget.toString());
    var response =
        server.get(PREFIX + "/conversations/" + sender + "/tracker", ParleyServer.bearer(key));
    assertEquals(200, response.statusCode(), response.body());
    JsonNode tracker = ParleyServer.json(response);
    assertEquals("italian", tracker.path("slots").path("cuisine").asText(), tracker.toString());
    assertEquals(4.0, tracker.path("slots").path("people").asDouble(), tracker.toString());
    assertEquals(channel, tracker.path("latest_input_channel").asText(), tracker.toString());
  }

  @Test
  void webChatOverDirectLineHoldsAFormWithButtons() throws Exception {
    formConversationShown(result.path("webchat"), "directline");
  }

  @Test
  void aSocketIoClientPageHoldsAFormWithButtons() throws Exception {
    formConversationShown(result.path("socketio"), "socketio");
    assertEquals("polling", result.path("socketio").path("transports").path(0).asText());
  }
}
