package it.dev.parley;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** One sender talking to one bot over the REST channel. */
final class Conversation {

  private final ParleyServer server;
  private final String botPath;
  private final String sender;
  private final String[] headers;

  Conversation(ParleyServer server, String tenant, String bot, String sender, String... headers) {
    this.server = server;
    this.botPath = "/api/tenants/" + tenant + "/bots/" + bot;
    this.sender = sender;
    this.headers = headers;
  }

  /** Sends a message and returns the texts of the bot's replies. */
  List<String> say(String text) throws IOException {
    List<String> texts = new ArrayList<>();
    for (JsonNode message : send(text)) {
      texts.add(message.path("text").asText(""));
    }
    return texts;
  }

  /** Sends a message and returns the bot's replies as the channel sent them. */
  JsonNode send(String text) throws IOException {
    return send(text, null);
  }

  /** Sends a message with the client's {@code message_id} (null: none). */
  JsonNode send(String text, String messageId) throws IOException {
    ObjectNode body = ParleyServer.JSON.createObjectNode();
    body.put("sender", sender);
    body.put("message", text);
    if (messageId != null) {
      body.put("message_id", messageId);
    }
    HttpResponse<String> response =
        server.postJson(botPath + "/webhooks/rest/webhook", body.toString(), headers);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "webhook answered " + response.statusCode() + ": " + response.body());
    }
    return ParleyServer.json(response);
  }

  /** The conversation's Rasa tracker. */
  JsonNode tracker() throws IOException {
    HttpResponse<String> response =
        server.get(botPath + "/conversations/" + sender + "/tracker", headers);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "tracker answered " + response.statusCode() + ": " + response.body());
    }
    return ParleyServer.json(response);
  }

  /** The {@code bot} events of the conversation, oldest first. */
  List<JsonNode> botEvents() throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (JsonNode event : tracker().path("events")) {
      if (event.path("event").asText().equals("bot")) {
        events.add(event);
      }
    }
    return events;
  }

  /** A slot's value as text ("null" when unset). */
  String slot(String name) throws IOException {
    return tracker().path("slots").path(name).asText("null");
  }
}
