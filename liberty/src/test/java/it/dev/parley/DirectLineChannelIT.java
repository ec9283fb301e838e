package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Direct Line 3.0 subset against a real server, driven by Microsoft's {@code
 * botframework-directlinejs} from node over the WebSocket stream: a form with buttons (suggested
 * actions) that continues over REST with the conversation id as the sender; the activities can be
 * read again with a watermark.
 */
class DirectLineChannelIT {

  private static final String TENANT = "directline-it";
  private static final String BOT = "booking";
  private static final String PREFIX = "/api/tenants/" + TENANT + "/bots/" + BOT;
  private static final String DIRECTLINE =
      "/channels/" + TENANT + "/" + BOT + "/directline/v3/directline";
  private static ParleyServer server;
  private static String key;

  @BeforeAll
  static void start() throws IOException {
    server = ParleyServer.shared();
    key = BotProjects.create(server, TENANT, BOT, BotProjects.zip("socketio-booking"));
  }

  private record Button(String title) {}

  private static JsonNode converse(Object... steps) throws IOException, InterruptedException {
    ObjectNode config = ParleyServer.JSON.createObjectNode();
    config.put("domain", server.baseUrl() + DIRECTLINE);
    config.put("secret", key);
    ArrayNode list = config.putArray("steps");
    for (Object step : steps) {
      if (step instanceof String text) {
        list.add(text);
      } else {
        list.addObject().put("button", ((Button) step).title());
      }
    }
    return NodeClient.run("directline-conversation.js", config);
  }

  private static List<String> texts(JsonNode activities) {
    List<String> texts = new ArrayList<>();
    activities.forEach(activity -> texts.add(activity.path("text").asText()));
    return texts;
  }

  @Test
  void aFormWithSuggestedActionsOverTheStreamContinuesOverRest() throws Exception {
    JsonNode answer = converse("I want to book a table", new Button("Italian"));
    String conversation = answer.path("conversationId").asText();
    assertTrue(!conversation.isEmpty(), answer.toString());
    JsonNode ask = answer.path("turns").get(0);
    assertEquals(List.of("Which cuisine would you like?"), texts(ask), ask.toString());
    JsonNode actions = ask.get(0).path("suggestedActions").path("actions");
    assertEquals(3, actions.size(), ask.toString());
    assertEquals("postBack", actions.get(0).path("type").asText());
    assertEquals("/inform{\"cuisine\":\"italian\"}", actions.get(0).path("value").asText());
    assertEquals(List.of("For how many people (1 to 12)?"), texts(answer.path("turns").get(1)));

    HttpResponse<String> rest =
        server.postJson(
            PREFIX + "/webhooks/rest/webhook",
            "{\"sender\":\"" + conversation + "\",\"message\":\"we are 4\"}",
            ParleyServer.bearer(key));
    assertEquals(200, rest.statusCode(), rest.body());
    assertTrue(rest.body().contains("italian"), rest.body());

    HttpResponse<String> tracker =
        server.get(
            PREFIX + "/conversations/" + conversation + "/tracker", ParleyServer.bearer(key));
    JsonNode state = ParleyServer.json(tracker);
    assertEquals("italian", state.path("slots").path("cuisine").asText(), state.toString());
    assertEquals("rest", state.path("latest_input_channel").asText());

    HttpResponse<String> page =
        server.get(
            DIRECTLINE + "/conversations/" + conversation + "/activities?watermark=1",
            ParleyServer.bearer(key));
    assertEquals(200, page.statusCode(), page.body());
    JsonNode activities = ParleyServer.json(page);
    assertEquals("4", activities.path("watermark").asText(), activities.toString());
    assertEquals(3, activities.path("activities").size(), activities.toString());
    assertEquals("bot", activities.path("activities").get(0).path("from").path("role").asText());
  }

  @Test
  void refusesAStrangersTokenAndABotWithoutTheChannel() throws Exception {
    HttpResponse<String> started =
        server.postJson(DIRECTLINE + "/conversations", "", ParleyServer.bearer(key));
    assertEquals(201, started.statusCode(), started.body());
    String conversation = ParleyServer.json(started).path("conversationId").asText();
    HttpResponse<String> stranger =
        server.get(
            DIRECTLINE + "/conversations/" + conversation + "/activities",
            ParleyServer.bearer("not-a-token"));
    assertEquals(403, stranger.statusCode(), stranger.body());
    HttpResponse<String> demo =
        server.postJson(
            "/channels/demo/demo/directline/v3/directline/conversations",
            "",
            ParleyServer.bearer(key));
    assertEquals(404, demo.statusCode(), demo.body());
  }
}
