package dev.parley.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WarmUpTrafficTest {

  @Test
  void aMarkHoldsOnThisThreadUntilClosed() throws Exception {
    assertFalse(WarmUpTraffic.isCurrent());
    try (WarmUpTraffic.Mark outer = WarmUpTraffic.mark()) {
      assertTrue(WarmUpTraffic.isCurrent());
      assertFalse(
          CompletableFuture.supplyAsync(WarmUpTraffic::isCurrent).get(),
          "another thread is not marked");
      try (WarmUpTraffic.Mark inner = WarmUpTraffic.mark()) {
        assertTrue(WarmUpTraffic.isCurrent());
      }
      assertTrue(WarmUpTraffic.isCurrent(), "closing a nested mark keeps the outer one");
    }
    assertFalse(WarmUpTraffic.isCurrent());
  }
}
