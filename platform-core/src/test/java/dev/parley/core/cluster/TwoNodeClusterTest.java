package dev.parley.core.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void eachConversationHasOneOwnerWhoseAddressTheOtherMemberKnows() {
    KeyOwners ownersA = routedOwners(nodeA, memberA, 9001);
    KeyOwners ownersB = routedOwners(nodeB, memberB, 9002);
    int ownedByA = 0;
    for (int i = 0; i < 200; i++) {
      String key = "t/b/user-" + i;
      assertTrue(ownersA.ownsHere(key) ^ ownersB.ownsHere(key), key + " has one owner");
      KeyOwners other = ownersA.ownsHere(key) ? ownersB : ownersA;
      KeyOwners owner = ownersA.ownsHere(key) ? ownersA : ownersB;
      String expected = "http://127.0.0.1:" + (owner == ownersA ? 9001 : 9002);
      assertEquals(Optional.of(URI.create(expected)), other.remoteOwner(key));
      assertEquals(Optional.empty(), owner.remoteOwner(key));
      ownedByA += ownersA.ownsHere(key) ? 1 : 0;
    }
    assertTrue(ownedByA > 40 && ownedByA < 160, "A owns " + ownedByA + " of 200");
    String keyOfA = TrackerCache.name(keyOwnedBy(ownersA));
    String keyOfB = TrackerCache.name(keyOwnedBy(ownersB));
    assertEquals(
        ownersA.topologyIfOwnedHere(keyOfA).getAsInt(),
        ownersB.topologyIfOwnedHere(keyOfB).getAsInt(),
        "both members see the same ownership");
    assertTrue(ownersA.topologyIfOwnedHere(keyOfB).isEmpty(), "A does not own B's key");
  }

  @Test
  void theOwnerKeepsItsCopyToItselfAndATurnElsewhereDropsIt() throws InterruptedException {
    KeyOwners ownersA = routedOwners(nodeA, memberA, 9001);
    KeyOwners ownersB = routedOwners(nodeB, memberB, 9002);
    TrackerCache cacheA = new TrackerCache(settings(), nodeA, ownersA);
    TrackerCache cacheB = new TrackerCache(settings(), nodeB, ownersB);
    ConversationKey key = keyOwnedBy(ownersA);
    Tracker first = Tracker.fromStored(key, TestDomains.food().slots(), List.of());
    cacheA.put(first);
    assertTrue(cacheA.get(key).isPresent(), "the owner reads its copy");
    assertTrue(cacheB.get(key).isEmpty(), "another member never reads a copy of it");

    // the owner was unreachable, so B ran a turn and stored it: the owner's copy is behind now
    cacheB.put(Tracker.fromStored(key, TestDomains.food().slots(), List.of()));
    // the removal is asynchronous (a dead owner must not hold up B's turn): give it 10 s
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (cacheA.get(key).isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(cacheA.get(key).isEmpty(), "the owner reloads from the store");
    assertTrue(cacheB.get(key).isEmpty(), "B kept no copy of a conversation it does not own");
  }

  @Test
  void aRequestReachesItsKeysOwnerWhichAnswersOneMembersRequestsSideBySide() throws Exception {
    KeyOwners ownersA = routedOwners(nodeA, memberA, 9001);
    KeyOwners ownersB = routedOwners(nodeB, memberB, 9002);
    MemberRequests fromA = new MemberRequests(nodeA, ownersA, 10_000);
    MemberRequests atB = new MemberRequests(nodeB, ownersB, 10_000);
    String keyOfB = TrackerCache.name(keyOwnedBy(ownersB));
    assertInstanceOf(
        Forwarded.Unreachable.class,
        fromA.sendToOwner(keyOfB, bytes("early")),
        "B does not serve yet: the request counts as not delivered");
    assertInstanceOf(
        Forwarded.Unreachable.class,
        fromA.sendToOwner(TrackerCache.name(keyOwnedBy(ownersA)), bytes("mine")),
        "a key A owns is not sent anywhere");

    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    ExecutorService handlers = Executors.newFixedThreadPool(8);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      atB.serve(
          request -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              Thread.sleep(200);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new Forwarded.Answered(
                201, "text/plain", ("echo " + new String(request, UTF_8)).getBytes(UTF_8));
          },
          handlers);
      List<Future<Forwarded>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String text = "m" + i;
        sent.add(senders.submit(() -> fromA.sendToOwner(keyOfB, bytes(text))));
      }
      for (int i = 0; i < 8; i++) {
        Forwarded.Answered answered =
            assertInstanceOf(Forwarded.Answered.class, sent.get(i).get(20, TimeUnit.SECONDS));
        assertEquals(201, answered.status());
        assertEquals("text/plain", answered.contentType());
        assertEquals("echo m" + i, new String(answered.body(), UTF_8));
      }
      assertTrue(mostAtOnce.get() > 1, "requests ran one at a time: " + mostAtOnce.get());
    } finally {
      handlers.shutdownNow();
      senders.shutdownNow();
      atB.close();
      fromA.close();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static KeyOwners routedOwners(
      CacheNode node, ClusterSettings.Member member, int httpPort) {
    return new KeyOwners(
        node,
        new ClusterSettings(Optional.of(member), List.of(memberA, memberB)),
        "owner",
        Optional.empty(),
        httpPort);
  }

  private static ConversationKey keyOwnedBy(KeyOwners owners) {
    for (int i = 0; ; i++) {
      ConversationKey key = new ConversationKey("t", "b", "owned-" + i);
      if (owners.ownsHere(TrackerCache.name(key))) {
        return key;
      }
    }
  }
}
