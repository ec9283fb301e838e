package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.core.DemoBotFiles;
import dev.parley.core.RecordingMetrics;
import dev.parley.core.TestSettings;
import dev.parley.core.bot.BotAssembler;
import dev.parley.core.bot.BotModel;
import dev.parley.core.bot.definition.BotProjectParser;
import dev.parley.core.config.WarmUpTraffic;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.turn.TurnResult;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.ParseResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TurnObserverWarmUpTest {

  private static BotModel bot;

  /** A turn whose intent is below every threshold, as a warm-up replay's often is. */
  private static final TurnResult UNSURE_TURN =
      new TurnResult(
          List.of(),
          new ParseResult("hello qzxvj", new IntentPrediction("greet", 0.01), List.of(), List.of()),
          List.of("action_listen"),
          true);

  private final RecordingMetrics recorded = new RecordingMetrics();
  private final TurnObserver observer = new TurnObserver(recorded.registry());

  @BeforeAll
  static void demoBot() throws Exception {
    bot =
        new BotAssembler(new PluginRegistry(TestSettings.inDir("target/turn-observer-test")))
            .assemble(
                "demo",
                "demo",
                1,
                new BotProjectParser().parse(DemoBotFiles.load()),
                new HashMap<>(),
                true);
  }

  private void oneTurnAndOneFailure(String sender) {
    observer.completed(bot, sender, UNSURE_TURN, 3_000_000);
    observer.failed(bot, sender, "e1");
  }

  @Test
  void aWarmUpTurnLeavesTheTurnMetricsUnchanged() {
    try (WarmUpTraffic.Mark warmUp = WarmUpTraffic.mark()) {
      oneTurnAndOneFailure("any-sender");
    }
    assertEquals(Map.of(), recorded.nonZero());
  }

  @Test
  void anOrdinaryTurnCountsWhateverItsSender() {
    oneTurnAndOneFailure("parley-warmup-lookalike-1");
    assertEquals(
        Map.of(
            "parley_turns_total", 1L,
            "parley_turn_duration", 1L,
            "parley_low_confidence_turns_total", 1L,
            "parley_slot_fill_failures_total", 1L,
            "parley_turn_failures_total", 1L),
        recorded.nonZero());
  }
}
