package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear JSON error, never a stack trace. */
class ApiErrorsIT {

  private static final String WEBHOOK = "/api/tenants/demo/bots/demo/webhooks/rest/webhook";
  private final ParleyServer server = ParleyServer.shared();

  @Test
  void malformedJsonIs400() throws IOException {
    HttpResponse<String> response = server.postJson(WEBHOOK, "{\"sender\": \"x\", \"message\": ");
    assertError(response, 400, "malformed_json");
  }

  @Test
  void missingMessageIs400() throws IOException {
    assertError(server.postJson(WEBHOOK, "{\"sender\": \"x\"}"), 400, "invalid_field");
    assertError(
        server.postJson(WEBHOOK, "{\"sender\": \"x\", \"message\": 5}"), 400, "invalid_field");
  }

  @Test
  void oversizedMessageIs413() throws IOException {
    String big = "a".repeat(5000);
    assertError(
        server.postJson(WEBHOOK, "{\"sender\": \"x\", \"message\": \"" + big + "\"}"),
        413,
        "message_too_long");
  }

  @Test
  void unknownBotOrTenantIs404() throws IOException {
    assertError(
        server.postJson(
            "/api/tenants/nobody/bots/demo/webhooks/rest/webhook",
            "{\"sender\": \"x\", \"message\": \"hi\"}"),
        404,
        "not_found");
    assertError(
        server.get("/api/tenants/demo/bots/nothing/conversations/x/tracker"), 404, "not_found");
    assertError(server.get("/api/no/such/path"), 404, "not_found");
  }

  @Test
  void adminApiNeedsThePassword() throws IOException {
    assertError(server.get("/api/admin/tenants"), 401, "unauthorized");
    assertError(
        server.get("/api/admin/tenants", "Authorization", "Basic YWRtaW46d3Jvbmc="),
        401,
        "unauthorized");
    assertEquals(200, server.get("/api/admin/tenants", ParleyServer.admin()).statusCode());
  }

  @Test
  void invalidTenantNameIs400() throws IOException {
    assertError(
        server.put("/api/admin/tenants/bad%20name", new byte[0], null, ParleyServer.admin()),
        400,
        "invalid_name");
  }

  static void assertError(HttpResponse<String> response, int status, String code)
      throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode body = ParleyServer.json(response);
    assertEquals(code, body.path("error").asText(), response.body());
    assertFalse(body.path("message").asText().isBlank());
    assertFalse(response.body().contains("at dev.parley"), "no stack trace");
    assertTrue(response.headers().firstValue("content-type").orElse("").contains("json"));
  }
}
