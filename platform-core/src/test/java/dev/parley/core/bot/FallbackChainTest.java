package dev.parley.core.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.IntentRecheck;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.nlu.NluDecision;
import dev.parley.plugin.nlu.ParseResult;
import dev.parley.plugin.nlu.RecheckOutcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackChainTest {

  private static final List<IntentPrediction> UNSURE =
      List.of(
          new IntentPrediction("greet", 0.5),
          new IntentPrediction("bye", 0.3),
          new IntentPrediction("order", 0.15),
          new IntentPrediction("other", 0.05));

  private static IntentRecheck says(String intent, boolean confident, AtomicInteger calls) {
    return (message, ranking) -> {
      calls.incrementAndGet();
      return new RecheckOutcome(List.of(new IntentPrediction(intent, 0.9)), confident);
    };
  }

  private static NluRuntime pipeline(List<IntentPrediction> ranking, RecheckStage... stages) {
    return new NluRuntime(
        List.of(message -> ranking), List.of(), List.of(stages), 0.7, Optional.empty(), 3);
  }

  private static Message message() {
    return new Message("hm", "en", null);
  }

  @Test
  void confidentClassifierDecidesAndNoStageRuns() {
    AtomicInteger calls = new AtomicInteger();
    ParseResult result =
        pipeline(
                List.of(new IntentPrediction("greet", 0.95)),
                new RecheckStage("A", says("bye", true, calls), 100))
            .parse(message());
    assertEquals("greet", result.intent().name());
    assertEquals(NluDecision.CLASSIFIER, result.decision().decidedBy());
    assertEquals(0, calls.get());
  }

  @Test
  void firstConfidentStageDecidesAndLaterStagesDoNotRun() {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    AtomicInteger third = new AtomicInteger();
    ParseResult result =
        pipeline(
                UNSURE,
                new RecheckStage("A", says("greet", false, first), 100),
                new RecheckStage("B", says("order", true, second), 100),
                new RecheckStage("C", says("bye", true, third), 100))
            .parse(message());
    assertEquals("order", result.intent().name());
    assertEquals(0.9, result.intent().confidence());
    assertEquals("B", result.decision().decidedBy());
    assertEquals(2, result.decision().stages().size());
    assertEquals("undecided", result.decision().stages().get(0).outcome());
    assertEquals("changed", result.decision().stages().get(1).outcome());
    assertEquals(1, first.get());
    assertEquals(1, second.get());
    assertEquals(0, third.get());
  }

  @Test
  void stageThatAgreesWithTheClassifierConfirms() {
    ParseResult result =
        pipeline(UNSURE, new RecheckStage("A", says("greet", true, new AtomicInteger()), 100))
            .parse(message());
    assertEquals("greet", result.intent().name());
    assertEquals("confirmed", result.decision().stages().get(0).outcome());
  }

  @Test
  void whatStaysUncertainIsNluFallbackWithTheOriginalRanking() {
    IntentRecheck failing =
        (m, r) -> {
          throw new IllegalStateException("model down");
        };
    ParseResult result =
        pipeline(
                UNSURE,
                new RecheckStage("A", says("bye", false, new AtomicInteger()), 100),
                new RecheckStage("B", failing, 100))
            .parse(message());
    assertEquals("nlu_fallback", result.intent().name());
    assertEquals(NluDecision.FALLBACK, result.decision().decidedBy());
    assertEquals(List.of("undecided", "error"), outcomes(result));
    assertEquals(
        List.of("nlu_fallback", "greet", "bye"),
        result.intentRanking().stream().map(IntentPrediction::name).toList());
  }

  @Test
  void withoutStagesLowConfidenceIsFallback() {
    ParseResult result = pipeline(UNSURE).parse(message());
    assertEquals("nlu_fallback", result.intent().name());
    assertEquals(NluDecision.FALLBACK, result.decision().decidedBy());
    assertTrue(result.decision().stages().isEmpty());
  }

  @Test
  void retiredPipelineClosesItsWorkersOnlyAfterTheParseInFlight() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    AtomicInteger closed = new AtomicInteger();
    class SlowClassifier implements dev.parley.plugin.nlu.IntentClassifier, AutoCloseable {
      @Override
      public List<IntentPrediction> classify(Message message) {
        inside.countDown();
        try {
          proceed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return List.of(new IntentPrediction("greet", 0.9));
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    }
    NluRuntime pipeline =
        new NluRuntime(List.of(new SlowClassifier()), List.of(), 0.7, Optional.empty(), 3);
    Thread parse = new Thread(() -> pipeline.parse(message()));
    parse.start();
    inside.await();
    pipeline.retire();
    assertEquals(0, closed.get(), "not closed while a parse uses it");
    assertFalse(pipeline.closed());
    proceed.countDown();
    parse.join();
    assertEquals(1, closed.get());
    assertTrue(pipeline.closed());
    try {
      pipeline.parse(message());
      throw new AssertionError("a closed pipeline must refuse parses");
    } catch (NluRuntime.RetiredPipelineException expected) {
      // refused
    }
  }

  private static List<String> outcomes(ParseResult result) {
    return result.decision().stages().stream().map(NluDecision.StageVerdict::outcome).toList();
  }
}
