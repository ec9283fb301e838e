package dev.parley.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.core.RecordingMetrics;
import dev.parley.core.config.WarmUpTraffic;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicroProfileMetersWarmUpTest {

  private final RecordingMetrics recorded = new RecordingMetrics();
  private final PluginMeter meter =
      new MicroProfileMeters(recorded.registry())
          .meter(
              new PluginKey(GuardedKind.GENERATOR, "OpenAiChatGenerator", "t", "b"),
              CircuitBreaker.ofDefaults("t/b"));

  private void callTwice() {
    meter.ran(1_000_000);
    meter.failed(PluginFailure.TIMEOUT);
    meter.ran(2_000_000);
    meter.refused();
  }

  @Test
  void theWarmUpsPluginCallsAreNotCounted() {
    try (WarmUpTraffic.Mark warmUp = WarmUpTraffic.mark()) {
      callTwice();
    }
    assertEquals(Map.of(), recorded.nonZero());
  }

  @Test
  void ordinaryPluginCallsAreCounted() {
    callTwice();
    assertEquals(2, recorded.total("parley_plugin_calls_total"));
    assertEquals(2, recorded.total("parley_plugin_call_duration"));
    assertEquals(1, recorded.total("parley_plugin_failures_total"));
    assertEquals(2, recorded.total("parley_llm_calls_total"));
  }
}
