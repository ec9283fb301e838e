package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renaming and deleting tenants and bots through the admin API, who may do it, and who is recorded
 * as the creator of each model version.
 */
class ConsoleLifecycleIT {

  private static final String MINE = "life-acme";
  private static final String THEIRS = "life-globex";

  private static ParleyServer server;

  @BeforeAll
  static void tenantsBotsAndUsers() throws IOException {
    server = ParleyServer.shared();
    BotProjects.create(server, MINE, "mood", BotProjects.zip("moodbot"));
    BotProjects.create(server, THEIRS, "mood", BotProjects.zip("moodbot"));
    ConsoleUsers.create(server, MINE, "life-admin", "tenant_admin");
    ConsoleUsers.create(server, MINE, "life-viewer", "tenant_viewer");
  }

  private static String[] signIn(String user) throws IOException {
    return ConsoleUsers.signIn(server, user).headers();
  }

  private static JsonNode tenantRow(String tenant) throws IOException {
    for (JsonNode row : ParleyServer.json(server.get("/api/admin/tenants", ParleyServer.admin()))) {
      if (row.path("tenant").asText().equals(tenant)) {
        return row;
      }
    }
    return null;
  }

  @Test
  void versionsRecordWhoCreatedThem() throws IOException {
    String bot = "/api/admin/tenants/" + MINE + "/bots/who";
    assertEquals(
        201,
        server
            .put(bot, BotProjects.zip("moodbot"), "application/zip", ParleyServer.admin())
            .statusCode());
    HttpResponse<String> retrained =
        server.put(
            bot,
            BotProjects.zip("moodbot", java.util.Map.of("placeholder_default", "placeholder_two")),
            "application/zip",
            signIn("life-admin"));
    assertEquals(200, retrained.statusCode(), retrained.body());
    JsonNode versions = ParleyServer.json(server.get(bot + "/versions", ParleyServer.admin()));
    assertEquals("life-admin", versions.path("versions").get(0).path("created_by").asText());
    assertEquals("admin", versions.path("versions").get(1).path("created_by").asText());
  }

  @Test
  void renamingChangesTheDisplayNameNotTheId() throws IOException {
    String[] ann = signIn("life-admin");
    String bot = "/api/admin/tenants/" + MINE + "/bots/mood";
    assertEquals(
        "mood",
        ParleyServer.json(server.get(bot + "/versions", ann)).path("display_name").asText());
    HttpResponse<String> renamed =
        server.patchJson(bot, "{\"display_name\":\"  Mood helper 情绪 \"}", ann);
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals("Mood helper 情绪", ParleyServer.json(renamed).path("display_name").asText());
    assertEquals("Mood helper 情绪", tenantRow(MINE).path("bot_display_names").path("mood").asText());
    assertEquals(
        "Mood helper 情绪",
        ParleyServer.json(server.get(bot + "/versions", ann)).path("display_name").asText());

    HttpResponse<String> bad = server.patchJson(bot, "{\"display_name\":42}", ann);
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("invalid_display_name", ParleyServer.json(bad).path("error").asText());
    HttpResponse<String> missing = server.patchJson(bot, "{}", ann);
    assertEquals("missing_display_name", ParleyServer.json(missing).path("error").asText());

    // tenants are renamed by the platform admin only
    String tenant = "/api/admin/tenants/" + MINE;
    assertEquals(403, server.patchJson(tenant, "{\"display_name\":\"ACME\"}", ann).statusCode());
    assertEquals(
        200,
        server
            .patchJson(tenant, "{\"display_name\":\"ACME Corp\"}", ParleyServer.admin())
            .statusCode());
    assertEquals("ACME Corp", tenantRow(MINE).path("display_name").asText());
    assertEquals(THEIRS, tenantRow(THEIRS).path("display_name").asText());
    // empty resets to the id
    assertEquals(200, server.patchJson(bot, "{\"display_name\":\"\"}", ann).statusCode());
    assertEquals("mood", tenantRow(MINE).path("bot_display_names").path("mood").asText());
  }

  @Test
  void onlyTheRightCallersRenameAndDelete() throws IOException {
    String[] ann = signIn("life-admin");
    String[] vic = signIn("life-viewer");
    String own = "/api/admin/tenants/" + MINE + "/bots/mood";
    String other = "/api/admin/tenants/" + THEIRS + "/bots/mood";
    List<HttpResponse<String>> hidden =
        List.of(
            server.delete(other, ann),
            server.patchJson(other, "{\"display_name\":\"mine now\"}", ann));
    for (HttpResponse<String> attempt : hidden) {
      assertEquals(404, attempt.statusCode(), attempt.request().uri() + " " + attempt.body());
    }
    List<HttpResponse<String>> forbidden =
        List.of(
            server.delete("/api/admin/tenants/" + MINE, ann),
            server.delete("/api/admin/tenants/" + THEIRS, ann),
            server.delete("/api/admin/tenants/" + THEIRS + "?cascade=true", ann),
            server.delete(own, vic),
            server.patchJson(own, "{\"display_name\":\"x\"}", vic),
            server.patchJson("/api/admin/tenants/" + MINE, "{\"display_name\":\"x\"}", vic));
    for (HttpResponse<String> attempt : forbidden) {
      assertEquals(403, attempt.statusCode(), attempt.request().uri() + " " + attempt.body());
      assertEquals("forbidden", ParleyServer.json(attempt).path("error").asText());
    }
    // all still there
    assertEquals(200, server.get(other + "/versions", ParleyServer.admin()).statusCode());
    assertEquals(200, server.get(own + "/versions", ParleyServer.admin()).statusCode());
    assertTrue(tenantRow(THEIRS) != null);
  }

  @Test
  void aDeletedBotStopsAnsweringAndItsConversationsAreGone() throws IOException {
    String key = BotProjects.create(server, MINE, "gone", BotProjects.zip("moodbot"));
    Conversation talk =
        new Conversation(server, MINE, "gone", "gone-sender", "Authorization", "Bearer " + key);
    assertFalse(talk.say("hello").isEmpty());
    String admin = "/api/admin/tenants/" + MINE + "/bots/gone";
    assertEquals(
        200, server.get(admin + "/conversations/gone-sender", ParleyServer.admin()).statusCode());

    HttpResponse<String> deleted = server.delete(admin, signIn("life-admin"));
    assertEquals(200, deleted.statusCode(), deleted.body());
    HttpResponse<String> channel =
        server.postJson(
            "/api/tenants/" + MINE + "/bots/gone/webhooks/rest/webhook",
            "{\"sender\":\"gone-sender\",\"message\":\"hello\"}",
            "Authorization",
            "Bearer " + key);
    assertEquals(404, channel.statusCode(), channel.body());
    assertEquals("not_found", ParleyServer.json(channel).path("error").asText());
    assertEquals(404, server.get(admin + "/versions", ParleyServer.admin()).statusCode());
    assertFalse(tenantRow(MINE).path("bots").toString().contains("\"gone\""));
    assertEquals(404, server.delete(admin, ParleyServer.admin()).statusCode());

    // a new bot of the same name starts from nothing: version 1, no conversations
    BotProjects.create(server, MINE, "gone", BotProjects.zip("moodbot"));
    JsonNode versions = ParleyServer.json(server.get(admin + "/versions", ParleyServer.admin()));
    assertEquals(1, versions.path("versions").size());
    assertEquals(1, versions.path("active_version").asInt());
    assertEquals(
        0, ParleyServer.json(server.get(admin + "/conversations", ParleyServer.admin())).size());
    assertEquals(
        404, server.get(admin + "/conversations/gone-sender", ParleyServer.admin()).statusCode());
  }

  @Test
  void aTenantWithBotsIsDeletedOnlyWithCascade() throws IOException {
    String tenant = "/api/admin/tenants/life-doomed";
    BotProjects.create(server, "life-doomed", "one", BotProjects.zip("moodbot"));
    ConsoleUsers.create(server, "life-doomed", "doomed-admin", "tenant_admin");
    HttpResponse<String> refused = server.delete(tenant, ParleyServer.admin());
    assertEquals(409, refused.statusCode(), refused.body());
    JsonNode error = ParleyServer.json(refused);
    assertEquals("tenant_has_bots", error.path("error").asText());
    assertTrue(error.path("message").asText().contains("cascade=true"), refused.body());
    assertTrue(tenantRow("life-doomed") != null);

    HttpResponse<String> cascaded = server.delete(tenant + "?cascade=true", ParleyServer.admin());
    assertEquals(200, cascaded.statusCode(), cascaded.body());
    List<String> bots = new ArrayList<>();
    ParleyServer.json(cascaded).path("deleted_bots").forEach(b -> bots.add(b.asText()));
    assertEquals(List.of("one"), bots);
    assertEquals(null, tenantRow("life-doomed"));
    assertEquals(
        404,
        server
            .postJson(
                "/api/tenants/life-doomed/bots/one/webhooks/rest/webhook",
                "{\"sender\":\"s\",\"message\":\"hi\"}")
            .statusCode());
    // its users went with it
    assertEquals(
        401,
        server
            .postJson(
                "/api/admin/session",
                "{\"user\":\"doomed-admin\",\"password\":\"" + ConsoleUsers.PASSWORD + "\"}")
            .statusCode());

    server.put("/api/admin/tenants/life-empty", new byte[0], null, ParleyServer.admin());
    assertEquals(
        200, server.delete("/api/admin/tenants/life-empty", ParleyServer.admin()).statusCode());
    assertEquals(
        404, server.delete("/api/admin/tenants/life-empty", ParleyServer.admin()).statusCode());
  }

  @Test
  void anAsynchronousImportReportsItsStagesAndItsAnswer() throws Exception {
    String bot = "/api/admin/tenants/" + MINE + "/bots/async";
    HttpResponse<String> started =
        server.put(
            bot + "?async=true",
            BotProjects.zip("moodbot"),
            "application/zip",
            signIn("life-admin"));
    assertEquals(202, started.statusCode(), started.body());
    String job = ParleyServer.json(started).path("job").asText();
    assertFalse(job.isBlank(), started.body());
    JsonNode status = null;
    List<Integer> percents = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      status = ParleyServer.json(server.get(bot + "/jobs/" + job, ParleyServer.admin()));
      percents.add(status.path("percent").asInt());
      if (!status.path("state").asText().equals("running")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("done", status.path("state").asText(), status.toString());
    assertEquals(100, status.path("percent").asInt());
    for (int i = 1; i < percents.size(); i++) {
      assertTrue(percents.get(i) >= percents.get(i - 1), "percent never goes back: " + percents);
    }
    List<String> stages = new ArrayList<>();
    status.path("stages").forEach(s -> stages.add(s.asText()));
    assertEquals("parsing", stages.get(0), stages.toString());
    assertTrue(
        stages.stream().anyMatch(s -> s.matches("training \\S+ \\(1/\\d+\\)")), stages.toString());
    assertEquals(
        List.of("storing", "activating"), stages.subList(stages.size() - 2, stages.size()));
    JsonNode result = status.path("result");
    assertEquals(1, result.path("version").asInt());
    assertTrue(result.path("apiKey").asText().startsWith("pk_"), result.toString());
    assertEquals(
        "life-admin",
        ParleyServer.json(server.get(bot + "/versions", ParleyServer.admin()))
            .path("versions")
            .get(0)
            .path("created_by")
            .asText());

    // a broken project fails in the job with the file and line, as the synchronous call would
    HttpResponse<String> broken =
        server.put(
            bot + "?async=true",
            BotProjects.zip(
                "moodbot", java.util.Map.of("pipeline: null", "pipeline: [{name: NoSuchThing}]")),
            "application/zip",
            ParleyServer.admin());
    assertEquals(202, broken.statusCode(), broken.body());
    String failedJob = ParleyServer.json(broken).path("job").asText();
    JsonNode failed = null;
    deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      failed = ParleyServer.json(server.get(bot + "/jobs/" + failedJob, ParleyServer.admin()));
      if (!failed.path("state").asText().equals("running")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("failed", failed.path("state").asText(), failed.toString());
    assertEquals("invalid_bot", failed.path("result").path("error").asText(), failed.toString());
    assertEquals("config.yml", failed.path("result").path("details").get(0).path("file").asText());
    // jobs are the bot's: another bot's path or another tenant does not find it
    assertEquals(
        404,
        server
            .get("/api/admin/tenants/" + MINE + "/bots/mood/jobs/" + job, ParleyServer.admin())
            .statusCode());
    assertEquals(404, server.get(bot + "/jobs/no-such-job", ParleyServer.admin()).statusCode());
  }
}
