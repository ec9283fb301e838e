package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Parley servers sharing one database (a schema of their own in the PostgreSQL run, else the
 * embedded H2 in its multi-process mode), one encryption key and an Infinispan cluster over JGroups
 * on loopback: a conversation can move between them at any turn, and one sender's simultaneous
 * messages to both are handled one at a time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static ParleyServer serverA;
  private static ParleyServer serverB;

  @BeforeAll
  static void startTwoServers() throws Exception {
    Path db =
        Path.of(System.getProperty("parley.it.dir", "target/it"), "cluster-db", "parley")
            .toAbsolutePath();
    int portA = ParleyServer.anyFreePort();
    int portB = ParleyServer.anyFreePort();
    Map<String, String> common = new HashMap<>();
    String schema = ParleyServer.ownSchema("it_cluster");
    if (schema == null) {
      common.put("PARLEY_DB_URL", "jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE");
    }
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    common.put(
        "PARLEY_ENCRYPTION_KEYS",
        "cluster-it:" + java.util.Base64.getEncoder().encodeToString(key));
    common.put("PARLEY_CLUSTER_MEMBERS", "127.0.0.1:" + portA + ",127.0.0.1:" + portB);
    // turns pass to their owner over JGroups here (the opt-in); HostsFaultIT covers HTTP, the
    // default
    common.put("PARLEY_CLUSTER_FORWARD", "cluster");
    Map<String, String> envA = new HashMap<>(common);
    envA.put("PARLEY_CLUSTER_BIND", "127.0.0.1:" + portA);
    serverA = ParleyServer.startAnother("cluster-a", envA, schema);
    Map<String, String> envB = new HashMap<>(common);
    envB.put("PARLEY_CLUSTER_BIND", "127.0.0.1:" + portB);
    serverB = ParleyServer.startAnother("cluster-b", envB, schema);
  }

  @AfterAll
  static void stopServers() {
    if (serverB != null) {
      serverB.stop();
    }
    if (serverA != null) {
      serverA.stop();
    }
  }

  @Test
  void aConversationAlternatingBetweenTheServersStaysConsistent() throws Exception {
    String sender = "cluster-alt-" + System.nanoTime();
    Conversation onA = new Conversation(serverA, "demo", "demo", sender);
    Conversation onB = new Conversation(serverB, "demo", "demo", sender);
    assertTrue(onA.say("hi").get(0).startsWith("Hi!"));
    assertTrue(onB.say("I'd like to order a chicken set meal").get(0).contains("size"));
    assertTrue(onA.say("large please").get(0).contains("phone"));
    assertTrue(onB.say("13812345678").get(0).contains("deliver"));
    List<String> confirm = onA.say("12 Park Road");
    assertTrue(confirm.toString().contains("large chicken"), confirm.toString());
    List<String> changed = onB.say("actually make it small");
    assertTrue(
        changed.toString().contains("small chicken set meal to 12 Park Road"),
        "the slots filled on A hold on B, and the correction wins: " + changed);

    JsonNode trackerA = onA.tracker();
    JsonNode trackerB = onB.tracker();
    assertEquals(trackerA.path("events").size(), trackerB.path("events").size());
    assertEquals("small", trackerB.path("slots").path("size").asText());
    assertEquals(trackerA.path("slots"), trackerB.path("slots"));
    assertEquals(6, userTurns(trackerB), "every turn stored once, in order");
    assertTrue(
        routed(serverA, "received") + routed(serverB, "received") >= 3,
        "half the turns reached the server that does not own the conversation and were passed on,"
            + " sealed, to the owner");
  }

  private static double routed(ParleyServer server, String route) throws Exception {
    String metrics = server.get("/metrics?scope=application").body();
    return metrics
        .lines()
        .filter(line -> line.startsWith("parley_turns_routed_total{"))
        .filter(line -> line.contains("route=\"" + route + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void simultaneousMessagesToBothServersAreHandledOneAtATime() throws Exception {
    String sender = "cluster-burst-" + System.nanoTime();
    Conversation onA = new Conversation(serverA, "demo", "demo", sender);
    Conversation onB = new Conversation(serverB, "demo", "demo", sender);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<List<String>>> replies = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Conversation target = i % 2 == 0 ? onA : onB;
      replies.add(pool.submit(() -> target.say("hello")));
    }
    for (Future<List<String>> reply : replies) {
      assertEquals(1, reply.get(120, TimeUnit.SECONDS).size());
    }
    pool.shutdown();
    JsonNode events = onB.tracker().path("events");
    String previous = "";
    for (JsonNode event : events) {
      String type = event.path("event").asText();
      if (type.equals("user")) {
        assertEquals("action_listen", previous, "a turn started before the previous one ended");
      }
      if (type.equals("action")) {
        previous = event.path("name").asText();
      }
    }
    assertEquals(16, userTurns(onA.tracker()));
  }

  @Test
  void aBotImportedOnOneServerServesOnTheOtherWithoutARestart() throws Exception {
    String key = BotProjects.create(serverA, "cluster-tenant", "faq", BotProjects.zip("faq"));
    Conversation onB =
        new Conversation(
            serverB, "cluster-tenant", "faq", "cluster-faq-1", ParleyServer.bearer(key));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> reply = List.of();
    while (System.nanoTime() < deadline) {
      try {
        reply = onB.say("what are your opening hours");
        break;
      } catch (AssertionError notYet) {
        Thread.sleep(500);
      }
    }
    assertEquals(List.of("We are open every day from 11am to 10pm."), reply);

    // deleted on A, it stops serving on B at B's next refresh
    assertEquals(
        200,
        serverA
            .delete("/api/admin/tenants/cluster-tenant/bots/faq", ParleyServer.admin())
            .statusCode());
    String webhook = "/api/tenants/cluster-tenant/bots/faq/webhooks/rest/webhook";
    String body = "{\"sender\":\"cluster-faq-2\",\"message\":\"hello\"}";
    int status = 0;
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      status = serverB.postJson(webhook, body, ParleyServer.bearer(key)).statusCode();
      if (status == 404) {
        break;
      }
      Thread.sleep(500);
    }
    assertEquals(404, status, "the deleted bot still answers on the other server");
  }

  /**
   * Kills one server ({@code kill -9}) while 24 conversations talk to both, each message carrying
   * its own {@code message_id}. Clients whose call fails (no answer, an error status or the
   * apology) send the same message again to the surviving server until it is answered. Afterwards
   * every conversation holds each message exactly once, in order, each turn complete. Runs last:
   * server B stays dead.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void killingOneServerUnderLoadLosesAndDuplicatesNothing() throws Exception {
    List<String> script =
        List.of(
            "hi",
            "I'd like to order a chicken set meal",
            "large please",
            "13812345678",
            "12 Park Road",
            "actually make it small");
    int conversations = 24;
    String prefix = "cluster-kill-" + System.nanoTime() + "-";
    java.util.concurrent.atomic.AtomicInteger answered =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger retried =
        new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(conversations);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < conversations; c++) {
      int client = c;
      clients.add(
          pool.submit(
              () -> {
                String sender = prefix + client;
                for (int i = 0; i < script.size(); i++) {
                  ParleyServer target = (client + i) % 2 == 0 ? serverB : serverA;
                  sendUntilAnswered(sender, script.get(i), sender + "-m" + i, target, retried);
                  answered.incrementAndGet();
                }
                return null;
              }));
    }
    long killAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (answered.get() < conversations * 2 && System.nanoTime() < killAt) {
      Thread.sleep(20);
    }
    serverB.kill();
    int answeredBeforeKill = answered.get();
    for (Future<?> client : clients) {
      client.get(240, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertTrue(
        answeredBeforeKill < conversations * script.size(),
        "the kill came while conversations were still going");

    for (int c = 0; c < conversations; c++) {
      String sender = prefix + c;
      JsonNode events = new Conversation(serverA, "demo", "demo", sender).tracker().path("events");
      List<String> messageIds = new ArrayList<>();
      String previousAction = "action_listen";
      for (JsonNode event : events) {
        String type = event.path("event").asText();
        if (type.equals("user")) {
          assertEquals("action_listen", previousAction, sender + ": a turn left half-done");
          messageIds.add(event.path("message_id").asText());
        } else if (type.equals("action")) {
          previousAction = event.path("name").asText();
        }
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < script.size(); i++) {
        expected.add(sender + "-m" + i);
      }
      assertEquals(expected, messageIds, sender + ": every message exactly once, in order");
      assertEquals("action_listen", previousAction, sender + ": the last turn is complete");
    }
    System.out.println(
        "kill -9 under load: "
            + answeredBeforeKill
            + " turns answered before the kill, "
            + retried.get()
            + " client retries");
  }

  private static void sendUntilAnswered(
      String sender,
      String text,
      String messageId,
      ParleyServer first,
      java.util.concurrent.atomic.AtomicInteger retried)
      throws InterruptedException {
    ParleyServer target = first;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        JsonNode reply = new Conversation(target, "demo", "demo", sender).send(text, messageId);
        if (reply.size() > 0
            && !reply.get(0).path("text").asText().startsWith("Sorry, something went wrong")) {
          return;
        }
      } catch (IOException | AssertionError failed) {
        // no answer or an error status: send the same message again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(sender + ": '" + text + "' never answered");
      }
      retried.incrementAndGet();
      target = serverA;
      Thread.sleep(200);
    }
  }

  private static int userTurns(JsonNode tracker) {
    int users = 0;
    for (JsonNode event : tracker.path("events")) {
      if (event.path("event").asText().equals("user")) {
        users++;
      }
    }
    return users;
  }
}
