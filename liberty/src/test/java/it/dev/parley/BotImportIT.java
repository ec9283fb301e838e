package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tenants and bots over the admin API: a bot imported as a zip, trained and used with its key; a
 * third-party plugin and a third-party channel found in the plugin folder; tenant isolation;
 * validation errors with file and line.
 */
class BotImportIT {

  private final ParleyServer server = ParleyServer.shared();

  @Test
  void importedBotUsesTheThirdPartyPluginAndItsKey() throws Exception {
    String key = createBot("acme", "orders", "orders");
    Conversation chat =
        new Conversation(server, "acme", "orders", "it-orders", ParleyServer.bearer(key));
    List<String> reply = chat.say("where is my order #77321");
    assertEquals(List.of("Order 77321 is on its way."), reply);
    JsonNode entities = chat.tracker().path("latest_message").path("entities");
    assertEquals("OrderNumberExtractor", entities.get(0).path("extractor").asText());

    HttpResponse<String> noKey =
        server.postJson(
            "/api/tenants/acme/bots/orders/webhooks/rest/webhook",
            "{\"sender\":\"x\",\"message\":\"hi\"}");
    ApiErrorsIT.assertError(noKey, 401, "unauthorized");

    // The example plugin's channel (credentials.yml: plaintext) runs the same turn, with the key.
    String channel = "/channels/acme/orders/plaintext/it-plain";
    HttpResponse<String> plain =
        server.post(channel, "where is my order #77321", "text/plain", ParleyServer.bearer(key));
    assertEquals(200, plain.statusCode(), plain.body());
    assertEquals("Order 77321 is on its way.", plain.body());
    HttpResponse<String> plainNoKey = server.post(channel, "hi", "text/plain");
    assertEquals(401, plainNoKey.statusCode(), plainNoKey.body());
  }

  @Test
  void oneTenantsKeyNeverReachesAnotherTenantsBot() throws Exception {
    String acmeKey = createBot("iso-a", "orders", "orders");
    String betaKey = createBot("iso-b", "orders", "orders");
    new Conversation(server, "iso-b", "orders", "secret-sender", ParleyServer.bearer(betaKey))
        .say("hello");

    HttpResponse<String> message =
        server.postJson(
            "/api/tenants/iso-b/bots/orders/webhooks/rest/webhook",
            "{\"sender\":\"secret-sender\",\"message\":\"hi\"}",
            ParleyServer.bearer(acmeKey));
    ApiErrorsIT.assertError(message, 404, "not_found");
    HttpResponse<String> tracker =
        server.get(
            "/api/tenants/iso-b/bots/orders/conversations/secret-sender/tracker",
            ParleyServer.bearer(acmeKey));
    ApiErrorsIT.assertError(tracker, 404, "not_found");
    assertEquals(
        200,
        server
            .get(
                "/api/tenants/iso-b/bots/orders/conversations/secret-sender/tracker",
                ParleyServer.bearer(betaKey))
            .statusCode());
  }

  @Test
  void brokenBotIsRejectedWithFileAndLine() throws Exception {
    assertEquals(
        201,
        server
            .put("/api/admin/tenants/broken-co", new byte[0], null, ParleyServer.admin())
            .statusCode());
    HttpResponse<String> response =
        server.put(
            "/api/admin/tenants/broken-co/bots/bad",
            BotProjects.zip("broken"),
            "application/zip",
            ParleyServer.admin());
    assertEquals(422, response.statusCode(), response.body());
    JsonNode body = ParleyServer.json(response);
    assertEquals("invalid_bot", body.path("error").asText());
    String details = body.path("details").toString();
    assertTrue(details.contains("order_pizza"), details);
    assertTrue(details.contains("utter_pizza"), details);
    for (JsonNode problem : body.path("details")) {
      assertEquals("data/stories.yml", problem.path("file").asText(), problem.toString());
      assertTrue(problem.path("line").asInt() > 0, problem.toString());
    }
  }

  @Test
  void pluginsListShowsBuiltInAndThirdParty() throws IOException {
    JsonNode plugins = ParleyServer.json(server.get("/api/admin/plugins", ParleyServer.admin()));
    boolean thirdParty = false;
    boolean builtIn = false;
    boolean channel = false;
    for (JsonNode plugin : plugins) {
      if (plugin.path("id").asText().equals("OrderNumberExtractor")) {
        thirdParty = plugin.path("source").asText().startsWith("parley-example-plugin");
        assertEquals("entity_extractor", plugin.path("kind").asText());
        assertFalse(plugin.path("config").isEmpty());
      }
      if (plugin.path("id").asText().equals("RulePolicy")) {
        builtIn = plugin.path("source").asText().startsWith("built-in:");
      }
      if (plugin.path("id").asText().equals("plaintext")) {
        channel =
            plugin.path("kind").asText().equals("channel")
                && plugin.path("source").asText().startsWith("parley-example-plugin")
                && plugin.path("status").asText().equals("available")
                && plugin.path("paths").toString().contains("/channels/{tenant}/{bot}/plaintext/");
      }
    }
    assertTrue(thirdParty, plugins.toString());
    assertTrue(builtIn, plugins.toString());
    assertTrue(channel, "the plaintext channel is listed: " + plugins);
  }

  @Test
  void tenantsAreCreatedIdempotentlyAndListed() throws IOException {
    assertEquals(
        201,
        server
            .put("/api/admin/tenants/listed", new byte[0], null, ParleyServer.admin())
            .statusCode());
    assertEquals(
        200,
        server
            .put("/api/admin/tenants/listed", new byte[0], null, ParleyServer.admin())
            .statusCode());
    String tenants = server.get("/api/admin/tenants", ParleyServer.admin()).body();
    assertTrue(tenants.contains("\"listed\"") && tenants.contains("\"demo\""), tenants);
  }

  private String createBot(String tenant, String bot, String project) throws IOException {
    return BotProjects.create(server, tenant, bot, BotProjects.zip(project));
  }
}
