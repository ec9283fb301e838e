package dev.parley.core.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JGroupsStackTest {

  private static final ClusterSettings.Member BIND = new ClusterSettings.Member("10.1.2.3", 7800);

  @Test
  void staticDiscoveryPingsTheListedMembersAndItself() {
    String xml =
        JGroupsStack.xml(
            new ClusterSettings(
                Optional.of(BIND), List.of(new ClusterSettings.Member("10.1.2.4", 7800))));
    assertTrue(xml.contains("<TCP bind_addr=\"10.1.2.3\" bind_port=\"7800\""), xml);
    assertTrue(
        xml.contains("<FD_SOCK2 bind_addr=\"10.1.2.3\"/>"),
        "the failure detector listens on (and tells the others) the member's own address: " + xml);
    assertTrue(xml.contains("<TCPPING initial_hosts=\"10.1.2.4[7800],10.1.2.3[7800]\""), xml);
    assertFalse(xml.contains("DNS_PING"), xml);
  }

  @Test
  void dnsDiscoveryAsksForTheNamesARecordsWithJGroupsDnsPing() {
    String xml =
        JGroupsStack.xml(
            new ClusterSettings(
                Optional.of(BIND),
                List.of(),
                new ClusterSettings.Discovery.Dns(
                    "parley-discovery.shop.svc.cluster.local", Optional.empty())));
    assertTrue(
        xml.contains(
            "<dns.DNS_PING dns_query=\"parley-discovery.shop.svc.cluster.local\""
                + " dns_record_type=\"A\"/>"),
        xml);
    assertFalse(xml.contains("TCPPING"), xml);
    assertTrue(
        JGroupsStack.xml(
                new ClusterSettings(
                    Optional.of(BIND),
                    List.of(),
                    new ClusterSettings.Discovery.Dns("parley", Optional.of("127.0.0.53:5353"))))
            .contains("dns_address=\"127.0.0.53:5353\""));
  }
}
