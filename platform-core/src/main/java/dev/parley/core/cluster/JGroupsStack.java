package dev.parley.core.cluster;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JGroups configuration of a cluster member: TCP on the bind address (no multicast), and
 * discovery by the listed members ({@code TCPPING}) or by the A records of a DNS name ({@code
 * dns.DNS_PING}, JGroups' own, which contacts each address on the bind port). {@code FORK} on top
 * lets {@link MemberRequests} talk to the other members over the same connections as Infinispan.
 */
final class JGroupsStack {

  private JGroupsStack() {}

  /** The stack's XML for these settings (which must have a bind address). */
  static String xml(ClusterSettings settings) {
    ClusterSettings.Member bind = settings.bind().orElseThrow();
    return String.join(
        "\n",
        "<config xmlns=\"urn:org:jgroups\">",
        "  <TCP bind_addr=\""
            + attribute(bind.host())
            + "\" bind_port=\""
            + bind.port()
            + "\""
            + " port_range=\"0\" diag.enabled=\"false\"/>",
        "  " + discovery(settings, bind),
        "  <MERGE3/>",
        // its own address, or it tells the others a wildcard one and they watch themselves: a
        // killed member was then noticed only by FD_ALL3, after 8 s (it worked on loopback only)
        "  <FD_SOCK2 bind_addr=\"" + attribute(bind.host()) + "\"/>",
        "  <FD_ALL3 timeout=\"8000\" interval=\"2000\"/>",
        "  <VERIFY_SUSPECT2 timeout=\"1000\"/>",
        "  <pbcast.NAKACK2 use_mcast_xmit=\"false\"/>",
        "  <UNICAST3/>",
        "  <pbcast.STABLE/>",
        "  <pbcast.GMS join_timeout=\"2000\"/>",
        "  <UFC/>",
        "  <MFC/>",
        "  <FRAG4/>",
        "  <FORK/>",
        "</config>",
        "");
  }

  private static String discovery(ClusterSettings settings, ClusterSettings.Member bind) {
    if (settings.discovery() instanceof ClusterSettings.Discovery.Dns dns) {
      return "<dns.DNS_PING dns_query=\""
          + attribute(dns.name())
          + "\" dns_record_type=\"A\""
          + dns.server().map(server -> " dns_address=\"" + attribute(server) + "\"").orElse("")
          + "/>";
    }
    Set<ClusterSettings.Member> all = new LinkedHashSet<>(settings.members());
    all.add(bind);
    String hosts =
        all.stream()
            .map(member -> member.host() + "[" + member.port() + "]")
            .collect(Collectors.joining(","));
    return "<TCPPING initial_hosts=\"" + attribute(hosts) + "\" port_range=\"0\"/>";
  }

  private static String attribute(String value) {
    return value
        .replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
