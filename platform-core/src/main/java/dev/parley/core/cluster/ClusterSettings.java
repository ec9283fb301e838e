package dev.parley.core.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server joins a cluster and how it finds the other members: {@code
 * PARLEY_CLUSTER_BIND} ({@code host:port} its JGroups TCP transport listens on; unset: no cluster)
 * and {@code PARLEY_CLUSTER_DISCOVERY}: {@code static} (the default: the members listed in {@code
 * PARLEY_CLUSTER_MEMBERS}, {@code host:port,host:port}) or {@code dns:<name>} (the members are the
 * A records of that name, e.g. a Kubernetes headless Service, each on the bind port; {@code
 * PARLEY_CLUSTER_DNS_SERVER} names the DNS server if not the system's).
 */
@ApplicationScoped
public class ClusterSettings {

  /** No cluster: a local cache and local locks. */
  public static final ClusterSettings NONE = new ClusterSettings(Optional.empty(), List.of());

  private Optional<Member> bind;
  private List<Member> members;
  private Discovery discovery;

  /** For CDI proxies. */
  protected ClusterSettings() {}

  /** Reads the settings; malformed or contradictory ones fail the start with a clear message. */
  @Inject
  public ClusterSettings(
      @ConfigProperty(name = "parley.cluster.bind") Optional<String> bind,
      @ConfigProperty(name = "parley.cluster.members") Optional<String> members,
      @ConfigProperty(name = "parley.cluster.discovery") Optional<String> discovery,
      @ConfigProperty(name = "parley.cluster.dns.server") Optional<String> dnsServer) {
    this(
        bind.filter(text -> !text.isBlank()).map(text -> Member.parse(text, "PARLEY_CLUSTER_BIND")),
        members
            .map(
                text ->
                    java.util.Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(item -> !item.isEmpty())
                        .map(item -> Member.parse(item, "PARLEY_CLUSTER_MEMBERS"))
                        .toList())
            .orElse(List.of()),
        Discovery.parse(discovery, dnsServer));
  }

  /** Static settings given directly (tests, tools). */
  public ClusterSettings(Optional<Member> bind, List<Member> members) {
    this(bind, members, new Discovery.Static());
  }

  /**
   * Settings given directly (tests, tools).
   *
   * @throws IllegalArgumentException if members or DNS discovery are given without a bind address,
   *     or members are listed for DNS discovery
   */
  public ClusterSettings(Optional<Member> bind, List<Member> members, Discovery discovery) {
    if (bind.isEmpty() && (!members.isEmpty() || discovery instanceof Discovery.Dns)) {
      throw new IllegalArgumentException(
          (members.isEmpty() ? "PARLEY_CLUSTER_DISCOVERY" : "PARLEY_CLUSTER_MEMBERS")
              + " is set but PARLEY_CLUSTER_BIND is not: set PARLEY_CLUSTER_BIND to the host:port"
              + " this server's cluster transport listens on (e.g. 10.0.0.5:7800)");
    }
    if (!members.isEmpty() && discovery instanceof Discovery.Dns) {
      throw new IllegalArgumentException(
          "PARLEY_CLUSTER_MEMBERS lists members, but PARLEY_CLUSTER_DISCOVERY=dns:... finds them"
              + " in DNS: set one or the other");
    }
    this.bind = bind;
    this.members = List.copyOf(members);
    this.discovery = discovery;
  }

  /** How the members are found. */
  public Discovery discovery() {
    return discovery;
  }

  /** This server's transport address, if it joins a cluster. */
  public Optional<Member> bind() {
    return bind;
  }

  /** The initial members of static discovery (this server included or not). */
  public List<Member> members() {
    return members;
  }

  /** How a server finds the other members of its cluster. */
  public sealed interface Discovery {

    /** The setting's value when unset. */
    String STATIC = "static";

    /** The prefix of DNS discovery's value. */
    String DNS_PREFIX = "dns:";

    /**
     * Reads {@code PARLEY_CLUSTER_DISCOVERY} and {@code PARLEY_CLUSTER_DNS_SERVER}.
     *
     * @throws IllegalArgumentException if the value is neither {@code static} nor {@code
     *     dns:<name>}
     */
    static Discovery parse(Optional<String> value, Optional<String> dnsServer) {
      String text = value.map(String::strip).filter(item -> !item.isEmpty()).orElse(STATIC);
      if (text.equals(STATIC)) {
        return new Static();
      }
      String name = text.startsWith(DNS_PREFIX) ? text.substring(DNS_PREFIX.length()).strip() : "";
      if (name.isEmpty() || !name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException(
            "PARLEY_CLUSTER_DISCOVERY: '"
                + text
                + "' is neither 'static' nor 'dns:<name>' (e.g."
                + " dns:parley-discovery.default.svc.cluster.local)");
      }
      return new Dns(name, dnsServer.map(String::strip).filter(server -> !server.isEmpty()));
    }

    /** The members listed in {@code PARLEY_CLUSTER_MEMBERS} (JGroups {@code TCPPING}). */
    record Static() implements Discovery {}

    /**
     * The A records of a DNS name, each a member on this server's bind port (JGroups {@code
     * DNS_PING}), asked again whenever a member looks for the others.
     *
     * @param name the DNS name, e.g. a headless Service's
     * @param server the DNS server ({@code host} or {@code host:port}); empty: the system's
     */
    record Dns(String name, Optional<String> server) implements Discovery {}
  }

  /**
   * One cluster member's address.
   *
   * @param host host name or IP address
   * @param port TCP port
   */
  public record Member(String host, int port) {

    static Member parse(String text, String setting) {
      int colon = text.lastIndexOf(':');
      try {
        if (colon > 0) {
          int port = Integer.parseInt(text.substring(colon + 1));
          if (port > 0 && port < 65536) {
            return new Member(text.substring(0, colon), port);
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          setting + ": '" + text + "' is not host:port (e.g. 127.0.0.1:7800)");
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}
