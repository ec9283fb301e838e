package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.dev.parley.ConsoleUsers.Session;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Console users against the API directly: a tenant admin cannot read or change another tenant's
 * anything, a viewer cannot change anything (and sees sensitive slots masked), a cookie call that
 * changes something without the CSRF token is refused, and signing out ends the session.
 */
class ConsoleAccessIT {

  private static final String MINE = "console-acme";
  private static final String THEIRS = "console-globex";

  private static ParleyServer server;

  @BeforeAll
  static void tenantsBotsAndUsers() throws IOException {
    server = ParleyServer.shared();
    BotProjects.create(server, MINE, "mood", BotProjects.zip("moodbot"));
    BotProjects.create(server, THEIRS, "mood", BotProjects.zip("moodbot"));
    ConsoleUsers.create(server, MINE, "acme-admin", "tenant_admin");
    ConsoleUsers.create(server, MINE, "acme-viewer", "tenant_viewer");
    ConsoleUsers.create(server, "demo", "demo-viewer", "tenant_viewer");
    // a conversation of the other tenant, which the tenant admin must not reach
    assertEquals(
        200,
        server
            .postJson(
                "/api/admin/tenants/" + THEIRS + "/bots/mood/chat",
                "{\"sender\":\"secret-sender\",\"message\":\"hello\"}",
                ParleyServer.admin())
            .statusCode());
  }

  private static Session signIn(String user) throws IOException {
    Session session = ConsoleUsers.signIn(server, user);
    assertTrue(session.setCookie().contains("HttpOnly"), session.setCookie());
    assertTrue(session.setCookie().toLowerCase().contains("samesite=strict"), session.setCookie());
    return session;
  }

  @Test
  void wrongPasswordsAndMissingSessionsAreRefused() throws IOException {
    HttpResponse<String> wrong =
        server.postJson("/api/admin/session", "{\"user\":\"acme-admin\",\"password\":\"nope\"}");
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertEquals("invalid_credentials", ParleyServer.json(wrong).path("error").asText());
    assertEquals(401, server.get("/api/admin/tenants").statusCode());
    assertEquals(
        401,
        server.get("/api/admin/tenants", "Cookie", "parley_session=made-up-token").statusCode());
  }

  @Test
  void tenantAdminSeesAndChangesOnlyTheirTenant() throws IOException {
    Session ann = signIn("acme-admin");
    JsonNode tenants = ParleyServer.json(server.get("/api/admin/tenants", ann.headers()));
    List<String> names = new ArrayList<>();
    tenants.forEach(t -> names.add(t.path("tenant").asText()));
    assertEquals(List.of(MINE), names);

    String own = "/api/admin/tenants/" + MINE + "/bots/mood";
    assertEquals(200, server.get(own + "/versions", ann.headers()).statusCode());
    assertEquals(200, server.get(own + "/files", ann.headers()).statusCode());
    HttpResponse<String> chat =
        server.postJson(own + "/chat", "{\"sender\":\"ann\",\"message\":\"hello\"}", ann.headers());
    assertEquals(200, chat.statusCode(), chat.body());
    assertEquals(
        "greet", ParleyServer.json(chat).path("parse").path("intent").path("name").asText());

    String other = "/api/admin/tenants/" + THEIRS;
    String otherBot = other + "/bots/mood";
    List<HttpResponse<String>> attempts =
        List.of(
            server.get(other + "/bots", ann.headers()),
            server.get(otherBot + "/versions", ann.headers()),
            server.get(otherBot + "/files", ann.headers()),
            server.get(otherBot + "/export", ann.headers()),
            server.get(otherBot + "/conversations", ann.headers()),
            server.get(otherBot + "/conversations/secret-sender", ann.headers()),
            server.get(other + "/users", ann.headers()),
            server.postJson(
                otherBot + "/chat", "{\"sender\":\"x\",\"message\":\"hi\"}", ann.headers()),
            server.postJson(otherBot + "/key", "{}", ann.headers()),
            server.postJson(otherBot + "/versions/1/activate", "{}", ann.headers()),
            server.postJson(otherBot + "/test/stories", "stories: []", ann.headers()),
            server.put(otherBot, BotProjects.zip("moodbot"), "application/zip", ann.headers()),
            server.put(
                other + "/users/mole",
                ("{\"role\":\"tenant_admin\",\"password\":\"" + ConsoleUsers.PASSWORD + "\"}")
                    .getBytes(),
                "application/json",
                ann.headers()),
            server.delete(otherBot + "/conversations/secret-sender", ann.headers()));
    for (HttpResponse<String> attempt : attempts) {
      assertEquals(404, attempt.statusCode(), attempt.request().uri() + " " + attempt.body());
      assertFalse(attempt.body().contains("secret-sender"), attempt.body());
    }
    // the other tenant's conversation is still there
    assertEquals(
        200,
        server.get(otherBot + "/conversations/secret-sender", ParleyServer.admin()).statusCode());
    // platform-wide calls are the platform admin's
    assertEquals(
        403, server.put("/api/admin/tenants/newco", new byte[0], null, ann.headers()).statusCode());
    assertEquals(
        403, server.postJson("/api/admin/maintenance/reencrypt", "{}", ann.headers()).statusCode());
  }

  @Test
  void viewerChangesNothingAndSeesSensitiveSlotsMasked() throws IOException {
    Session vic = signIn("acme-viewer");
    String own = "/api/admin/tenants/" + MINE + "/bots/mood";
    assertEquals(200, server.get(own + "/versions", vic.headers()).statusCode());
    assertEquals(200, server.get(own + "/conversations", vic.headers()).statusCode());
    List<HttpResponse<String>> changes =
        List.of(
            server.put(own, BotProjects.zip("moodbot"), "application/zip", vic.headers()),
            server.postJson(own + "/chat", "{\"sender\":\"v\",\"message\":\"hi\"}", vic.headers()),
            server.postJson(own + "/key", "{}", vic.headers()),
            server.postJson(own + "/versions/1/activate", "{}", vic.headers()),
            server.delete(own + "/conversations/ann", vic.headers()),
            server.get("/api/admin/tenants/" + MINE + "/users", vic.headers()),
            server.put(
                "/api/admin/tenants/" + MINE + "/users/acme-viewer",
                "{\"role\":\"tenant_admin\"}".getBytes(),
                "application/json",
                vic.headers()));
    for (HttpResponse<String> change : changes) {
      assertEquals(403, change.statusCode(), change.request().uri() + " " + change.body());
      assertEquals("forbidden", ParleyServer.json(change).path("error").asText());
    }

    // the demo bot's phone number is a sensitive slot: the admin sees it, a viewer does not
    String demo = "/api/admin/tenants/demo/bots/demo";
    for (String message :
        List.of("I want a chicken set meal", "large", "13812345678", "12 Park Road")) {
      assertEquals(
          200,
          server
              .postJson(
                  demo + "/chat",
                  "{\"sender\":\"masked-1\",\"message\":\"" + message + "\"}",
                  ParleyServer.admin())
              .statusCode());
    }
    String asAdmin = server.get(demo + "/conversations/masked-1", ParleyServer.admin()).body();
    assertTrue(asAdmin.contains("13812345678"), asAdmin);
    Session demoViewer = signIn("demo-viewer");
    HttpResponse<String> masked =
        server.get(demo + "/conversations/masked-1", demoViewer.headers());
    assertEquals(200, masked.statusCode(), masked.body());
    assertFalse(masked.body().contains("13812345678"), masked.body());
    assertFalse(masked.body().contains("Park Road"), masked.body());
    JsonNode body = ParleyServer.json(masked);
    assertTrue(body.path("masked").asBoolean());
    assertEquals("large", body.path("slots").path("size").asText());
  }

  @Test
  void cookieCallsThatChangeSomethingNeedTheCsrfToken() throws IOException {
    Session ann = signIn("acme-admin");
    String chat = "/api/admin/tenants/" + MINE + "/bots/mood/chat";
    String body = "{\"sender\":\"csrf\",\"message\":\"hi\"}";
    HttpResponse<String> without = server.postJson(chat, body, ann.cookieOnly());
    assertEquals(403, without.statusCode(), without.body());
    assertEquals("csrf_token_missing", ParleyServer.json(without).path("error").asText());
    HttpResponse<String> wrong =
        server.postJson(chat, body, "Cookie", ann.cookie(), "X-Parley-CSRF", "guess");
    assertEquals(403, wrong.statusCode(), wrong.body());
    assertEquals(200, server.postJson(chat, body, ann.headers()).statusCode());
    // reading needs no token
    assertEquals(
        200,
        server
            .get("/api/admin/tenants/" + MINE + "/bots/mood/versions", ann.cookieOnly())
            .statusCode());
  }

  @Test
  void signingOutEndsTheSession() throws IOException {
    Session ann = signIn("acme-admin");
    HttpResponse<String> me = server.get("/api/admin/session", ann.cookieOnly());
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("tenant_admin", ParleyServer.json(me).path("role").asText());
    assertEquals(MINE, ParleyServer.json(me).path("tenant").asText());
    HttpResponse<String> out = server.delete("/api/admin/session", ann.headers());
    assertEquals(200, out.statusCode(), out.body());
    assertNotNull(out.headers().firstValue("Set-Cookie").orElse(null));
    assertEquals(401, server.get("/api/admin/session", ann.cookieOnly()).statusCode());
  }

  @Test
  void basicAuthAdminStillWorksAndTheAdminCanSignIn() throws IOException {
    assertEquals(200, server.get("/api/admin/tenants", ParleyServer.admin()).statusCode());
    HttpResponse<String> response =
        server.postJson(
            "/api/admin/session",
            "{\"user\":\"admin\",\"password\":\"" + ParleyServer.ADMIN_PASSWORD + "\"}");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("platform_admin", ParleyServer.json(response).path("role").asText());
  }
}
