package dev.parley.core.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.core.RecordingMetrics;
import dev.parley.core.config.WarmUpTraffic;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.NluDecision.StageVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NluMetricsWarmUpTest {

  private static final NluDecision LOW_CONFIDENCE =
      new NluDecision(
          NluDecision.FALLBACK, List.of(new StageVerdict("llm", StageVerdict.UNDECIDED, null, 0)));

  private final RecordingMetrics recorded = new RecordingMetrics();
  private final NluMetrics nlu = new NluMetrics(recorded.registry());
  private final RemoteNluMetrics remote = new RemoteNluMetrics(recorded.registry());

  private void parseOnce() {
    nlu.cacheMiss("t", "b");
    nlu.parsed("t", "b", 1_000_000, LOW_CONFIDENCE);
    nlu.cacheHit("t", "b");
    nlu.parsed("t", "b", 1_000, NluDecision.classifier());
    remote.remote("t", "b", 2_000_000);
    remote.fallback("t", "b");
  }

  @Test
  void aWarmUpParseLeavesTheNluMetricsUnchanged() {
    try (WarmUpTraffic.Mark warmUp = WarmUpTraffic.mark()) {
      parseOnce();
    }
    assertEquals(Map.of(), recorded.nonZero());
  }

  @Test
  void anOrdinaryParseCounts() {
    parseOnce();
    assertEquals(2, recorded.total("parley_nlu_parses_total"));
    assertEquals(2, recorded.total("parley_nlu_parse_duration"));
    assertEquals(1, recorded.total("parley_nlu_low_confidence_total"));
    assertEquals(1, recorded.total("parley_nlu_recheck_total"));
    assertEquals(1, recorded.total("parley_nlu_recheck_outcome_total"));
    assertEquals(1, recorded.total("parley_nlu_cache_hits_total"));
    assertEquals(1, recorded.total("parley_nlu_cache_misses_total"));
    assertEquals(2, recorded.total("parley_nlu_remote_total"));
    assertEquals(1, recorded.total("parley_nlu_remote_duration"));
  }

  @Test
  void ordinaryParsesCountWhileTheWarmUpRunsOnOtherThreads() throws Exception {
    try (WarmUpTraffic.Mark warmUp = WarmUpTraffic.mark()) {
      Thread ordinary = new Thread(this::parseOnce);
      ordinary.start();
      ordinary.join();
      parseOnce();
    }
    assertEquals(2, recorded.total("parley_nlu_parses_total"));
    assertEquals(1, recorded.total("parley_nlu_low_confidence_total"));
  }
}
