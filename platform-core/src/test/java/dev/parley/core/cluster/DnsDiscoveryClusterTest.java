package dev.parley.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members found through a real DNS server: Debian's {@code dnsmasq} on a loopback address answers
 * for a name with the A records of the Parley servers (as a Kubernetes headless Service does), and
 * the servers, given only {@code PARLEY_CLUSTER_DISCOVERY=dns:<name>} and that DNS server, form one
 * cluster through JGroups' {@code DNS_PING}; a server whose record is added later (dnsmasq rereads
 * its hosts file on SIGHUP) joins as well. Every server listens on the same port, each on its own
 * loopback address (127.0.0.0/8). Skipped where dnsmasq is not installed ({@code .ci/run} installs
 * it).
 */
class DnsDiscoveryClusterTest {

  private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
  private static final String NAME = "parley-discovery.parley.test";

  @TempDir Path dir;

  private Process dnsmasq;
  private final List<CacheNode> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
    if (dnsmasq != null) {
      dnsmasq.destroy();
      if (!dnsmasq.waitFor(10, TimeUnit.SECONDS)) {
        dnsmasq.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void serversFindEachOtherThroughTheARecordsOfOneName() throws Exception {
    assumeTrue(Files.isExecutable(DNSMASQ), "dnsmasq is not installed");
    String dnsAddress = "127.0.0.113";
    int dnsPort = freeUdpPort(dnsAddress);
    int clusterPort = freeTcpPort();
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.111 " + NAME + "\n127.0.0.112 " + NAME + "\n");
    dnsmasq = startDnsmasq(dnsAddress, dnsPort, hosts);
    String server = dnsAddress + ":" + dnsPort;

    CacheNode a = node("127.0.0.111", clusterPort, server);
    CacheNode b = node("127.0.0.112", clusterPort, server);
    awaitTrue(() -> a.members().size() == 2 && b.members().size() == 2, 30);
    assertEquals(2, a.members().size(), "members: " + a.members());

    Files.writeString(
        hosts, "127.0.0.111 " + NAME + "\n127.0.0.112 " + NAME + "\n127.0.0.114 " + NAME + "\n");
    new ProcessBuilder("kill", "-HUP", String.valueOf(dnsmasq.pid())).start().waitFor();
    CacheNode c = node("127.0.0.114", clusterPort, server);
    awaitTrue(() -> a.members().size() == 3 && c.members().size() == 3, 30);
    assertEquals(3, a.members().size(), "the added record's server joined: " + a.members());
  }

  private CacheNode node(String host, int port, String dnsServer) {
    CacheNode node =
        new CacheNode(
            new ClusterSettings(
                Optional.of(new ClusterSettings.Member(host, port)),
                List.of(),
                new ClusterSettings.Discovery.Dns(NAME, Optional.of(dnsServer))));
    nodes.add(node);
    return node;
  }

  /** dnsmasq in the foreground, answering only from {@code hosts}, on one address and port. */
  private Process startDnsmasq(String address, int port, Path hosts) throws Exception {
    Path log = dir.resolve("dnsmasq.log");
    Process process =
        new ProcessBuilder(
                DNSMASQ.toString(),
                "--keep-in-foreground",
                "--conf-file=/dev/null",
                "--no-resolv",
                "--no-hosts",
                "--addn-hosts=" + hosts,
                "--listen-address=" + address,
                "--bind-interfaces",
                "--port=" + port,
                "--pid-file=",
                "--user=" + System.getProperty("user.name"),
                "--local-ttl=0",
                "--no-negcache")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    awaitTrue(() -> !process.isAlive() || listening(address, port), 10);
    assertTrue(
        process.isAlive(), "dnsmasq exited: " + Files.readString(log, StandardCharsets.UTF_8));
    return process;
  }

  /** Whether the UDP port is taken (dnsmasq bound it). */
  private static boolean listening(String address, int port) {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), port))) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static int freeUdpPort(String address) throws IOException {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0))) {
      return socket.getLocalPort();
    }
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
