package it.dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.Test;

/**
 * Two Parley servers sharing one database (a schema of their own in the PostgreSQL run, else the
 * embedded H2 in its multi-process mode), one encryption key and an Infinispan cluster over JGroups
 * on loopback: a conversation can move between them at any turn, and one sender's simultaneous
 * messages to both are handled one at a time.
 */
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
