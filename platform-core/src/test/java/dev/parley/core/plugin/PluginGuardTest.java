package dev.parley.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.plugin.PluginException;
import dev.parley.plugin.PluginKind;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.action.ActionResult;
import dev.parley.plugin.nlu.Entity;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.nlu.IntentPrediction;
import dev.parley.plugin.nlu.Message;
import dev.parley.plugin.policy.DialoguePolicy;
import dev.parley.plugin.policy.PolicyPrediction;
import dev.parley.plugin.response.ResponseGenerator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard's keyed breakers, bulkheads, deadlines, fallbacks and metrics, with real workers. */
class PluginGuardTest {

  private static final Message MESSAGE = new Message("hello", "en", null);
  private static final List<Entity> EARLIER = List.of(Entity.of("city", "Oslo", 0, 4, 1.0, "E0"));

  private final List<PluginDeadlines> started = new ArrayList<>();
  private final RecordingMeters meters = new RecordingMeters();

  @AfterEach
  void stopThreads() {
    started.forEach(PluginDeadlines::stop);
  }

  private PluginGuard guard(Map<String, String> settings) {
    GuardSettings read = GuardSettings.of(settings);
    PluginDeadlines deadlines = new PluginDeadlines(read, Executors.defaultThreadFactory());
    started.add(deadlines);
    return new PluginGuard(read, meters, new ServerWideBounds(deadlines));
  }

  private static PluginKey key(GuardedKind kind, String plugin, String bot) {
    return new PluginKey(kind, plugin, "acme", bot);
  }

  @Test
  void aFailingExtractorAddsNoEntitiesAndOpensTheCircuitOfItsBotOnly() {
    PluginGuard guard = guard(Map.of());
    AtomicInteger calls = new AtomicInteger();
    EntityExtractor broken =
        (message, previous) -> {
          calls.incrementAndGet();
          throw new IllegalStateException("model file gone");
        };
    EntityExtractor first = guard.extractor("Broken", "acme", "first", broken);
    for (int i = 0; i < 4; i++) {
      assertEquals(EARLIER, first.extract(MESSAGE, EARLIER), "the earlier entities pass on");
    }
    assertEquals(4, calls.get());
    assertEquals(
        CircuitBreaker.State.OPEN,
        guard.breaker(key(GuardedKind.EXTRACTOR, "Broken", "first")).getState());
    assertEquals(EARLIER, first.extract(MESSAGE, EARLIER));
    assertEquals(4, calls.get(), "an open circuit skips the worker");

    EntityExtractor second = guard.extractor("Broken", "acme", "second", broken);
    second.extract(MESSAGE, EARLIER);
    assertEquals(5, calls.get(), "another bot's circuit is closed");

    RecordingMeters.Seen seen = meters.seen(key(GuardedKind.EXTRACTOR, "Broken", "first"));
    assertEquals(4, seen.ran.get());
    assertEquals(
        List.of("error", "error", "error", "error", "circuit_open"), List.copyOf(seen.failures));
  }

  @Test
  void aFailingClassifierKnowsNoIntent() {
    PluginGuard guard = guard(Map.of());
    IntentClassifier broken =
        message -> {
          throw new IllegalArgumentException("bad tensor shape");
        };
    assertEquals(List.of(), guard.classifier("Onnx", "acme", "b", broken).classify(MESSAGE));
    IntentClassifier working = message -> List.of(new IntentPrediction("greet", 0.9));
    assertEquals(
        List.of(new IntentPrediction("greet", 0.9)),
        guard.classifier("Sparse", "acme", "b", working).classify(MESSAGE));
  }

  @Test
  void aFailingPolicyPredictsNothing() {
    PluginGuard guard = guard(Map.of());
    DialoguePolicy broken =
        (conversation, domain) -> {
          throw new IllegalStateException("index out of range");
        };
    DialoguePolicy guarded = guard.policy("TEDPolicy", "acme", "b", broken);
    // The worker ignores its arguments, so this test needs no conversation.
    assertEquals(Optional.empty(), guarded.predict(null, null));
    DialoguePolicy sure = (conversation, domain) -> Optional.of(new PolicyPrediction("utter_x", 1));
    assertEquals(
        Optional.of(new PolicyPrediction("utter_x", 1)),
        guard.policy("RulePolicy", "acme", "b", sure).predict(null, null));
    assertEquals(List.of("error"), meters.seen(key(GuardedKind.POLICY, "TEDPolicy", "b")).failures);
  }

  @Test
  void aFailingActionIsRejectedLikeOneThatRefuses() {
    PluginGuard guard = guard(Map.of());
    Action broken =
        (conversation, domain) -> {
          throw new NullPointerException("slot missing");
        };
    PluginException failure =
        assertThrows(
            PluginException.class,
            () -> guard.action("action_check", "acme", "b", broken).run(null, null));
    assertTrue(failure.getMessage().contains("action_check"), failure.getMessage());

    PluginException refusal = new PluginException("not now");
    Action refusing =
        (conversation, domain) -> {
          throw refusal;
        };
    Action guarded = guard.action("action_refuse", "acme", "b", refusing);
    assertSame(refusal, assertThrows(PluginException.class, () -> guarded.run(null, null)));
    RecordingMeters.Seen seen = meters.seen(key(GuardedKind.ACTION, "action_refuse", "b"));
    assertEquals(1, seen.refused.get());
    assertEquals(List.of(), seen.failures, "a refusal is not a failure");
    assertEquals(
        CircuitBreaker.State.CLOSED,
        guard.breaker(key(GuardedKind.ACTION, "action_refuse", "b")).getState());

    Action fine = (conversation, domain) -> ActionResult.empty();
    assertEquals(
        ActionResult.empty(), guard.action("action_fine", "acme", "b", fine).run(null, null));
  }

  @Test
  void theTenantBulkheadTurnsAwayTheCallBeyondItsLimit() throws Exception {
    PluginGuard guard = guard(Map.of("parley.llm.tenant.max.concurrent", "1"));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () ->
                guard.call(
                    generate(
                        "acme",
                        () -> {
                          inside.countDown();
                          release.await(5, TimeUnit.SECONDS);
                          return "held";
                        })));
    holder.start();
    assertTrue(inside.await(5, TimeUnit.SECONDS));
    try {
      assertEquals("failed:bulkhead_full", guard.call(generate("acme", () -> "second")));
      assertEquals("other", guard.call(generate("globex", () -> "other")), "own bulkhead");
    } finally {
      release.countDown();
      holder.join();
    }
    assertEquals("third", guard.call(generate("acme", () -> "third")), "room again");
    PluginKey acme = new PluginKey(GuardedKind.GENERATOR, "OpenAiChatGenerator", "acme", "b");
    assertEquals(List.of("bulkhead_full"), meters.seen(acme).failures);
  }

  @Test
  void aRemoteCallPastItsDeadlineFallsBackAsTimeoutAndFailuresKeepTheirReason() {
    PluginGuard guard = guard(Map.of());
    PluginKey stage = key(GuardedKind.RECHECK, "LlmFewShotRecheck", "b");
    long start = System.nanoTime();
    String slow =
        guard.call(
            RemoteCall.of(
                stage,
                () -> {
                  Thread.sleep(3000);
                  return "late";
                },
                100,
                reason -> "failed:" + reason));
    assertEquals("failed:timeout", slow);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "waited past deadline");
    String broken =
        guard.call(
            RemoteCall.of(
                stage,
                () -> {
                  throw new PluginUnreachable("connection refused", null);
                },
                0,
                reason -> "failed:" + reason));
    assertEquals("failed:unreachable", broken);
    assertEquals(List.of("timeout", "unreachable"), meters.seen(stage).failures);
    assertEquals(2, meters.seen(stage).ran.get());
  }

  @Test
  void inProcessKindsAreWrappedOnceAndOthersLeftAlone() throws Exception {
    PluginGuard guard = guard(Map.of());
    AtomicBoolean closed = new AtomicBoolean();
    class ClosingClassifier implements IntentClassifier, AutoCloseable {
      @Override
      public List<IntentPrediction> classify(Message message) {
        return List.of();
      }

      @Override
      public void close() {
        closed.set(true);
      }
    }
    Object wrapped =
        guard.guard(PluginKind.INTENT_CLASSIFIER, "C", "acme", "b", new ClosingClassifier());
    assertTrue(wrapped instanceof IntentClassifier);
    ((AutoCloseable) wrapped).close();
    assertTrue(closed.get(), "closing the guarded worker closes the worker");

    ResponseGenerator generator = request -> Optional.of("hi");
    assertSame(generator, guard.guard(PluginKind.RESPONSE_GENERATOR, "G", "acme", "b", generator));
    assertThrows(
        IllegalArgumentException.class,
        () -> guard.call(RemoteCall.of(key(GuardedKind.POLICY, "P", "b"), () -> 1, 0, r -> 0)));
  }

  @Test
  void metricsAreKeyedAndTaggedByKindAndPlugin() {
    PluginGuard guard = guard(Map.of());
    guard
        .extractor("RegexEntityExtractor", "acme", "b", (m, previous) -> previous)
        .extract(MESSAGE, EARLIER);
    PluginKey key = key(GuardedKind.EXTRACTOR, "RegexEntityExtractor", "b");
    assertEquals(1, meters.seen(key).ran.get());
    Map<String, String> tags =
        Arrays.stream(MicroProfileMeters.tags(key))
            .collect(Collectors.toMap(Tag::getTagName, Tag::getTagValue));
    assertEquals(
        Map.of("tenant", "acme", "bot", "b", "kind", "extractor", "plugin", "RegexEntityExtractor"),
        tags);
    assertEquals(
        "parley_llm_calls_total", MeterNames.earlier(GuardedKind.GENERATOR).orElseThrow().calls());
    assertEquals(
        Optional.of("parley_action_server_failures_total"),
        MeterNames.earlier(GuardedKind.ACTION_SERVER).orElseThrow().failures());
    assertEquals(Optional.empty(), MeterNames.earlier(GuardedKind.CLASSIFIER));
  }

  @Test
  void settingsReadParleyKindFirstThenTheEarlierNames() {
    GuardSettings settings =
        GuardSettings.of(
            Map.of(
                "parley.llm.circuit.open.ms", "5",
                "parley.recheck.circuit.open.ms", "7",
                "parley.nlu.recheck.circuit.open.ms", "9",
                "parley.nlu.recheck.max.concurrent", "3",
                "parley.action.circuit.minimum.calls", "6",
                "parley.policy.circuit.window", "20"));
    assertEquals(5, settings.limits(GuardedKind.GENERATOR).openMillis());
    assertEquals(32, settings.limits(GuardedKind.GENERATOR).tenantConcurrency());
    assertEquals(7, settings.limits(GuardedKind.RECHECK).openMillis());
    assertEquals(3, settings.limits(GuardedKind.RECHECK).serverConcurrency());
    assertEquals(6, settings.limits(GuardedKind.ACTION_SERVER).minimumCalls());
    assertEquals(20, settings.limits(GuardedKind.POLICY).window());
    assertEquals(30_000, settings.limits(GuardedKind.CLASSIFIER).openMillis());
    assertEquals(0, settings.limits(GuardedKind.CLASSIFIER).tenantConcurrency());
  }

  private static RemoteCall<String> generate(
      String tenant, java.util.concurrent.Callable<String> work) {
    return RemoteCall.of(
        new PluginKey(GuardedKind.GENERATOR, "OpenAiChatGenerator", tenant, "b"),
        work,
        2000,
        reason -> "failed:" + reason);
  }
}
