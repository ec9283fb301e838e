package dev.parley.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestDomains;
import dev.parley.core.TestSettings;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.Tracker;
import dev.parley.core.tracker.TrackerCache;
import dev.parley.plugin.conversation.SlotSet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two Infinispan nodes in one JVM, clustered over JGroups TCP on loopback. */
class TwoNodeClusterTest {

  private static final long LEASE_MILLIS = 400;

  private static CacheNode nodeA;
  private static CacheNode nodeB;
  private static ClusterSettings.Member memberA;
  private static ClusterSettings.Member memberB;

  @BeforeAll
  static void formCluster() throws Exception {
    ClusterSettings.Member a = new ClusterSettings.Member("127.0.0.1", freePort());
    ClusterSettings.Member b = new ClusterSettings.Member("127.0.0.1", freePort());
    memberA = a;
    memberB = b;
    nodeA = new CacheNode(new ClusterSettings(Optional.of(a), List.of(a, b)));
    nodeB = new CacheNode(new ClusterSettings(Optional.of(b), List.of(a, b)));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (nodeA.members().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(2, nodeA.members().size(), "members: " + nodeA.members());
  }

  @AfterAll
  static void leave() {
    nodeB.close();
    nodeA.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static ServerSettings settings() {
    return TestSettings.inDir("target/cluster-test");
  }

  @Test
  void aWriteOnOneServerInvalidatesTheOtherServersCopy() {
    TrackerCache cacheA = new TrackerCache(settings(), nodeA);
    TrackerCache cacheB = new TrackerCache(settings(), nodeB);
    ConversationKey key = new ConversationKey("t", "b", "moving-user");
    Tracker old = Tracker.fromStored(key, TestDomains.food().slots(), List.of());
    cacheB.put(old);
    assertTrue(cacheB.get(key).isPresent());

    Tracker newer =
        Tracker.fromStored(key, TestDomains.food().slots(), List.of(SlotSet.of("size", "large")));
    cacheA.put(newer);
    assertTrue(cacheB.get(key).isEmpty(), "B must reload from the store, not serve its old copy");
    assertEquals("large", cacheA.get(key).orElseThrow().slots().get("size"));
  }

  @Test
  void aLeaseIsHeldByOneServerAtATimeAndALostOneExpires() throws Exception {
    ConversationLeases leasesA = new ConversationLeases(nodeA, LEASE_MILLIS);
    ConversationLeases leasesB = new ConversationLeases(nodeB, LEASE_MILLIS);
    ConversationLeases.Lease lease = leasesA.acquire("t/b/u1", 100).orElseThrow();
    assertTrue(leasesB.acquire("t/b/u1", 100).isEmpty(), "B waits while A holds it");
    leasesA.release(lease);
    ConversationLeases.Lease onB = leasesB.acquire("t/b/u1", 100).orElseThrow();
    leasesB.release(onB);

    leasesA.acquire("t/b/u2", 100).orElseThrow(); // A "crashes" and never releases
    long start = System.nanoTime();
    assertTrue(leasesB.acquire("t/b/u2", 5_000).isPresent(), "the lost lease expires");
    long waited = (System.nanoTime() - start) / 1_000_000;
    assertTrue(waited >= LEASE_MILLIS / 2, "B waited " + waited + " ms for the expiry");
  }

  @Test
  void theLeasesOfAServerThatLeftAreFreedAtOnce() throws Exception {
    ClusterSettings.Member c = new ClusterSettings.Member("127.0.0.1", freePort());
    CacheNode nodeC =
        new CacheNode(new ClusterSettings(Optional.of(c), List.of(memberA, memberB, c)));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (nodeA.members().size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(3, nodeA.members().size(), "C joined: " + nodeA.members());
    ConversationLeases leasesB = new ConversationLeases(nodeB, 60_000);
    ConversationLeases leasesC = new ConversationLeases(nodeC, 60_000);
    leasesC.acquire("t/b/left", 100).orElseThrow();
    assertTrue(leasesB.acquire("t/b/left", 100).isEmpty(), "C holds it");
    nodeC.close();
    long start = System.nanoTime();
    assertTrue(leasesB.acquire("t/b/left", 20_000).isPresent(), "freed when C left");
    long waited = (System.nanoTime() - start) / 1_000_000;
    assertTrue(waited < 20_000, "waited " + waited + " ms, not the 60 s lease");
  }
}
