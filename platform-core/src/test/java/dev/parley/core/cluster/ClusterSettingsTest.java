package dev.parley.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static ClusterSettings read(
      String bind, String members, String discovery, String dnsServer) {
    return new ClusterSettings(
        Optional.ofNullable(bind),
        Optional.ofNullable(members),
        Optional.ofNullable(discovery),
        Optional.ofNullable(dnsServer));
  }

  @Test
  void discoveryIsStaticUnlessSaidOtherwise() {
    ClusterSettings settings = read("127.0.0.1:7800", "127.0.0.1:7800,127.0.0.1:7801", null, null);
    assertEquals(new ClusterSettings.Discovery.Static(), settings.discovery());
    assertEquals(2, settings.members().size());
    assertEquals(
        new ClusterSettings.Discovery.Static(),
        read("127.0.0.1:7800", null, " static ", null).discovery());
    assertEquals(new ClusterSettings.Discovery.Static(), read(null, null, null, null).discovery());
  }

  @Test
  void dnsDiscoveryNamesTheHeadlessServiceAsTheDeploymentSetsIt() {
    // liberty/deploy/k8s/deployment.yaml, with $(POD_IP) and $(POD_NAMESPACE) expanded
    ClusterSettings settings =
        read("10.1.2.3:7800", null, "dns:parley-discovery.shop.svc.cluster.local", null);
    assertEquals(
        new ClusterSettings.Discovery.Dns(
            "parley-discovery.shop.svc.cluster.local", Optional.empty()),
        settings.discovery());
    assertEquals(List.of(), settings.members());
    assertEquals(
        Optional.of("127.0.0.53:5353"),
        ((ClusterSettings.Discovery.Dns)
                read("10.1.2.3:7800", null, "dns:parley", "127.0.0.53:5353").discovery())
            .server());
  }

  @Test
  void unusableOrContradictorySettingsSayWhatToSet() {
    IllegalArgumentException noBind =
        assertThrows(IllegalArgumentException.class, () -> read(null, null, "dns:parley", null));
    assertTrue(noBind.getMessage().contains("PARLEY_CLUSTER_BIND"), noBind.getMessage());
    IllegalArgumentException membersNoBind =
        assertThrows(
            IllegalArgumentException.class, () -> read(null, "127.0.0.1:7800", null, null));
    assertTrue(membersNoBind.getMessage().contains("PARLEY_CLUSTER_MEMBERS"));
    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () -> read("127.0.0.1:7800", "127.0.0.1:7801", "dns:parley", null));
    assertTrue(both.getMessage().contains("one or the other"), both.getMessage());
    for (String bad : List.of("dns:", "dns", "kubernetes", "dns:bad name", "DNS:x")) {
      IllegalArgumentException malformed =
          assertThrows(
              IllegalArgumentException.class, () -> read("127.0.0.1:7800", null, bad, null), bad);
      assertTrue(malformed.getMessage().contains("PARLEY_CLUSTER_DISCOVERY"), bad);
    }
  }
}
