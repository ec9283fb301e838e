package dev.parley.core.plugin;

import dev.parley.plugin.PluginKind;
import dev.parley.plugin.action.Action;
import dev.parley.plugin.nlu.EntityExtractor;
import dev.parley.plugin.nlu.IntentClassifier;
import dev.parley.plugin.policy.DialoguePolicy;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The one guard of every plugin call, keyed by kind, plugin and bot ({@link PluginKey}): a circuit
 * breaker per key, a bulkhead per kind and tenant where the kind has one, and metrics tagged {@code
 * kind} and {@code plugin}. Settings are read from {@code parley.<kind>.*} ({@link GuardLimits}).
 *
 * <p>Remote calls ({@link #call}: re-check stages, generators, action servers) also wait at most
 * their own deadline and run under the kind's server-wide MicroProfile Fault Tolerance bound
 * ({@link ServerWideBounds}); whatever fails, the caller gets its call's fallback, never an
 * exception. In-process workers (classifiers, extractors, policies, actions) are wrapped once when
 * a bot is assembled ({@link #guard} and the typed methods); a call then costs a breaker check and
 * the metric updates, with no thread hop and no interceptor.
 */
@ApplicationScoped
public class PluginGuard {

  private PluginCircuits circuits;
  private PluginMeters meters;
  private ServerWideBounds bounds;

  /** For CDI proxies. */
  protected PluginGuard() {}

  /** Reads the settings from configuration and writes metrics to the application registry. */
  @Inject
  public PluginGuard(Config config, MetricRegistry registry, ServerWideBounds bounds) {
    this(
        GuardSettings.read(name -> config.getOptionalValue(name, String.class)),
        new MicroProfileMeters(registry),
        bounds);
  }

  /** A guard with the given settings, metrics and bounds (tools and tests). */
  public PluginGuard(GuardSettings settings, PluginMeters meters, ServerWideBounds bounds) {
    this.circuits = new PluginCircuits(settings);
    this.meters = meters;
    this.bounds = bounds;
  }

  /**
   * A guard outside the server: default settings, no metrics, no server-wide interceptors, and
   * daemon threads for remote deadlines.
   */
  public static PluginGuard standalone() {
    GuardSettings settings = GuardSettings.defaults();
    ThreadFactory daemons =
        runnable -> {
          Thread thread = Executors.defaultThreadFactory().newThread(runnable);
          thread.setDaemon(true);
          return thread;
        };
    return new PluginGuard(
        settings, PluginMeters.NONE, new ServerWideBounds(new PluginDeadlines(settings, daemons)));
  }

  /**
   * Runs a remote call: the tenant's bulkhead, then the key's breaker, then the kind's server-wide
   * bound with the call's deadline. Never throws: a failure gives {@link RemoteCall#failed}.
   */
  public <T> T call(RemoteCall<T> call) {
    PluginKey key = call.key();
    if (!key.kind().remote()) {
      throw new IllegalArgumentException(
          key.kind() + " workers run in-process: wrap them with guard() instead");
    }
    CircuitBreaker breaker = circuits.breaker(key);
    PluginMeter meter = meters.meter(key, breaker);
    Optional<Bulkhead> bulkhead = circuits.tenantBulkhead(key);
    if (bulkhead.isPresent() && !bulkhead.get().tryAcquirePermission()) {
      meter.failed(PluginFailure.BULKHEAD_FULL);
      return call.failed(PluginFailure.BULKHEAD_FULL);
    }
    try {
      if (!breaker.tryAcquirePermission()) {
        meter.failed(PluginFailure.CIRCUIT_OPEN);
        return call.failed(PluginFailure.CIRCUIT_OPEN);
      }
      long start = System.nanoTime();
      RemoteAnswer answer = bounded(call);
      long nanos = System.nanoTime() - start;
      return settle(call, answer, nanos, breaker, meter);
    } finally {
      bulkhead.ifPresent(Bulkhead::onComplete);
    }
  }

  /**
   * Wraps an in-process worker of the given plugin kind in its guard; workers of other kinds (and
   * workers that do not implement their kind's interface) are returned as they are.
   */
  public Object guard(PluginKind kind, String pluginId, String tenant, String bot, Object worker) {
    return switch (kind) {
      case INTENT_CLASSIFIER ->
          worker instanceof IntentClassifier classifier
              ? classifier(pluginId, tenant, bot, classifier)
              : worker;
      case ENTITY_EXTRACTOR ->
          worker instanceof EntityExtractor extractor
              ? extractor(pluginId, tenant, bot, extractor)
              : worker;
      case DIALOGUE_POLICY ->
          worker instanceof DialoguePolicy policy ? policy(pluginId, tenant, bot, policy) : worker;
      case ACTION ->
          worker instanceof Action action ? action(pluginId, tenant, bot, action) : worker;
      default -> worker;
    };
  }

  /** A classifier that, when it fails or its circuit is open, knows no intent. */
  public IntentClassifier classifier(
      String pluginId, String tenant, String bot, IntentClassifier worker) {
    return new GuardedIntentClassifier(
        worker, circuit(new PluginKey(GuardedKind.CLASSIFIER, pluginId, tenant, bot)));
  }

  /** An extractor that, when it fails or its circuit is open, adds no entities. */
  public EntityExtractor extractor(
      String pluginId, String tenant, String bot, EntityExtractor worker) {
    return new GuardedEntityExtractor(
        worker, circuit(new PluginKey(GuardedKind.EXTRACTOR, pluginId, tenant, bot)));
  }

  /** A policy that, when it fails or its circuit is open, predicts nothing. */
  public DialoguePolicy policy(String pluginId, String tenant, String bot, DialoguePolicy worker) {
    return new GuardedDialoguePolicy(
        worker, circuit(new PluginKey(GuardedKind.POLICY, pluginId, tenant, bot)));
  }

  /** An action that, when it fails or its circuit is open, is rejected. */
  public Action action(String pluginId, String tenant, String bot, Action worker) {
    return new GuardedAction(
        worker, circuit(new PluginKey(GuardedKind.ACTION, pluginId, tenant, bot)));
  }

  /** The circuit breaker of a key (for its state). */
  public CircuitBreaker breaker(PluginKey key) {
    return circuits.breaker(key);
  }

  private WorkerCircuit circuit(PluginKey key) {
    CircuitBreaker breaker = circuits.breaker(key);
    return new WorkerCircuit(key, breaker, meters.meter(key, breaker));
  }

  private RemoteAnswer bounded(RemoteCall<?> call) {
    try {
      return switch (call.key().kind()) {
        case RECHECK -> bounds.recheck(call);
        case GENERATOR -> bounds.generate(call);
        default -> bounds.callActionServer(call);
      };
    } catch (RuntimeException e) {
      // Outside the container the bound has no @Fallback interceptor: the same mapping applies.
      return RemoteAnswer.failed(PluginFailure.reasonOf(e));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T settle(
      RemoteCall<T> call,
      RemoteAnswer answer,
      long nanos,
      CircuitBreaker breaker,
      PluginMeter meter) {
    if (answer.failure().isEmpty()) {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
      meter.ran(nanos);
      T value = (T) answer.value();
      if (call.refusal().test(value)) {
        meter.refused();
      }
      return value;
    }
    String reason = answer.failure().get();
    if (reason.equals(PluginFailure.BULKHEAD_FULL)) {
      // Not called: the server had no room. Neither a success nor a failure of the plugin.
      breaker.releasePermission();
    } else {
      breaker.onError(
          nanos, TimeUnit.NANOSECONDS, new PluginFailure(reason, call.key().name(), null));
      meter.ran(nanos);
    }
    meter.failed(reason);
    return call.failed(reason);
  }
}
