package dev.parley.core.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server joins a cluster: {@code PARLEY_CLUSTER_BIND} ({@code host:port} its JGroups
 * TCP transport listens on; unset: no cluster) and {@code PARLEY_CLUSTER_MEMBERS} (the initial
 * members, {@code host:port,host:port}).
 */
@ApplicationScoped
public class ClusterSettings {

  /** No cluster: a local cache and local locks. */
  public static final ClusterSettings NONE = new ClusterSettings(Optional.empty(), List.of());

  private Optional<Member> bind;
  private List<Member> members;

  /** For CDI proxies. */
  protected ClusterSettings() {}

  /** Reads the settings; malformed addresses fail the start with a clear message. */
  @Inject
  public ClusterSettings(
      @ConfigProperty(name = "parley.cluster.bind") Optional<String> bind,
      @ConfigProperty(name = "parley.cluster.members") Optional<String> members) {
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
            .orElse(List.of()));
  }

  /** Settings given directly (tests, tools). */
  public ClusterSettings(Optional<Member> bind, List<Member> members) {
    this.bind = bind;
    this.members = List.copyOf(members);
  }

  /** This server's transport address, if it joins a cluster. */
  public Optional<Member> bind() {
    return bind;
  }

  /** The initial members (this server included or not). */
  public List<Member> members() {
    return members;
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
