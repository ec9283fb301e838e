package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.config.SecretsPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {

  private static final SecretsPolicy ALONE = new SecretsPolicy(List.of(), false, false);
  private static final SecretsPolicy SHARED =
      new SecretsPolicy(List.of("it joins a cluster (PARLEY_CLUSTER_MEMBERS)"), true, true);

  @Test
  void aTokenThatCannotBeRequiredRefusesTheStartNamingTheSetting() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> new MetricsAccess(Optional.of("s3cret-token"), ALONE).check());
    assertTrue(refused.getMessage().startsWith("PARLEY_METRICS_TOKEN is set"));
    assertTrue(!refused.getMessage().contains("s3cret-token"), "never the secret");
  }

  @Test
  void theSingleNodeDefaultSaysNothingAndASharedServerSaysMetricsAreOpen() {
    assertDoesNotThrow(() -> new MetricsAccess(Optional.of(" "), ALONE).check());
    assertTrue(new MetricsAccess(Optional.empty(), ALONE).openNotice().isEmpty());
    MetricsAccess shared = new MetricsAccess(Optional.empty(), SHARED);
    assertDoesNotThrow(shared::check);
    assertTrue(shared.openNotice().orElseThrow().startsWith("/metrics is open"));
  }
}
