package dev.parley.plugins.channel.directline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.plugin.channel.ChannelBot;
import dev.parley.plugin.channel.ChannelHttpResponse;
import dev.parley.plugin.channel.ChannelRequest;
import dev.parley.plugin.channel.ChannelTurn;
import dev.parley.plugin.channel.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Direct Line requests against a fake host that answers every message with one button. */
class DirectLineChannelTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<ChannelTurn> turns = new ArrayList<>();
  private final DirectLineChannel channel =
      new DirectLineChannel(
          (bot, turn) -> {
            turns.add(turn);
            return CompletableFuture.completedFuture(
                List.of(
                    new OutgoingMessage(
                        turn.sender(),
                        Optional.of("Sure?"),
                        List.of(new OutgoingMessage.Button("Yes", "/affirm")),
                        Optional.empty(),
                        Map.of())));
          },
          new DirectLineConversations());

  private JsonNode call(String method, String path, String bearer, String body, int status)
      throws Exception {
    ChannelRequest request =
        new ChannelRequest(
            new ChannelBot("t", "b", Map.of()),
            method,
            path.replace("?watermark", ""),
            Map.of(),
            path.contains("?watermark") ? Map.of("watermark", List.of("1")) : Map.of(),
            Map.of("authorization", List.of("Bearer " + bearer), "host", List.of("h:1")));
    ChannelHttpResponse response = channel.http(request, body).orElseThrow();
    assertEquals(status, response.status(), response.body());
    return JSON.readTree(response.body());
  }

  @Test
  void startsPostsAndReadsAfterAWatermark() throws Exception {
    JsonNode started = call("POST", "v3/directline/conversations", "key", "", 201);
    String id = started.path("conversationId").asText();
    String token = started.path("token").asText();
    assertEquals(
        "ws://h:1/channels/t/b/directline/v3/directline/conversations/" + id + "/stream?t=" + token,
        started.path("streamUrl").asText());
    String activities = "v3/directline/conversations/" + id + "/activities";
    JsonNode posted =
        call("POST", activities, token, "{\"type\":\"message\",\"text\":\"hi\"}", 200);
    assertEquals(id, turns.get(0).sender());
    assertEquals(Optional.of("Bearer key"), turns.get(0).authorization());
    JsonNode page = call("GET", activities + "?watermark", "key", "", 200);
    assertEquals("2", page.path("watermark").asText());
    JsonNode reply = page.path("activities").get(0);
    assertEquals(posted.path("id").asText(), reply.path("replyToId").asText());
    assertEquals(
        "postBack", reply.path("suggestedActions").path("actions").get(0).path("type").asText());
    assertEquals(
        "/affirm", reply.path("suggestedActions").path("actions").get(0).path("value").asText());
    call("GET", activities, "someone-else", "", 403);
    assertTrue(channel.http(requestAt("v3/other"), "").isEmpty());
  }

  private static ChannelRequest requestAt(String path) {
    return new ChannelRequest(
        new ChannelBot("t", "b", Map.of()), "GET", path, Map.of(), Map.of(), Map.of());
  }

  @Test
  void letsPagesOnOtherOriginsCall() throws Exception {
    ChannelRequest preflight =
        new ChannelRequest(
            new ChannelBot("t", "b", Map.of()),
            "OPTIONS",
            "v3/directline/conversations",
            Map.of(),
            Map.of(),
            Map.of(
                "origin", List.of("http://shop.example"),
                "access-control-request-headers", List.of("authorization,content-type")));
    ChannelHttpResponse allowed = channel.http(preflight, "").orElseThrow();
    assertEquals(204, allowed.status());
    assertEquals("*", allowed.headers().get("Access-Control-Allow-Origin"));
    assertEquals(
        "authorization,content-type", allowed.headers().get("Access-Control-Allow-Headers"));
    assertTrue(allowed.headers().get("Access-Control-Allow-Methods").contains("POST"));
    ChannelRequest start =
        new ChannelRequest(
            new ChannelBot("t", "b", Map.of()),
            "POST",
            "v3/directline/conversations",
            Map.of(),
            Map.of(),
            Map.of(
                "authorization", List.of("Bearer key"), "origin", List.of("http://shop.example")));
    ChannelHttpResponse started = channel.http(start, "").orElseThrow();
    assertEquals(201, started.status(), started.body());
    assertEquals("*", started.headers().get("Access-Control-Allow-Origin"));
    assertTrue(channel.http(requestAt("v3/other"), "").isEmpty());
  }
}
