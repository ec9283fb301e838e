package dev.parley.core.plugin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The server-wide bound of each remote kind, by MicroProfile Fault Tolerance, whose state is per
 * method: one method per kind. The values below are defaults; {@code
 * META-INF/microprofile-config.properties} maps them to the operator's settings ({@code
 * parley.nlu.recheck.timeout.max.ms}, {@code parley.llm.timeout.max.ms}, {@code
 * parley.llm.server.max.concurrent}, {@code parley.action.timeout.ms}). Every failure becomes a
 * failed {@link RemoteAnswer} ({@code @Fallback}). {@link PluginGuard} applies the per-bot and
 * per-tenant parts around these calls.
 */
@ApplicationScoped
public class ServerWideBounds {

  @Resource private ManagedThreadFactory threads;

  private GuardSettings settings;
  private PluginDeadlines deadlines;

  /** For CDI proxies. */
  protected ServerWideBounds() {}

  /** Reads the kinds' thread limits from configuration; the threads start with the bean. */
  @Inject
  public ServerWideBounds(Config config) {
    this.settings = GuardSettings.read(name -> config.getOptionalValue(name, String.class));
  }

  /** Runs calls on the given deadlines, without the container's interceptors (tools, tests). */
  public ServerWideBounds(PluginDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @PostConstruct
  void start() {
    deadlines =
        new PluginDeadlines(settings, threads != null ? threads : Executors.defaultThreadFactory());
  }

  @PreDestroy
  void stop() {
    if (deadlines != null) {
      deadlines.stop();
    }
  }

  /** A re-check stage's call, within the server's re-check timeout. */
  @Timeout(1500)
  @Fallback(BoundFallback.class)
  public RemoteAnswer recheck(RemoteCall<?> call) {
    return deadlines.run(call);
  }

  /** A generator's call, within the server's LLM timeout and LLM calls in flight. */
  @Timeout(1500)
  @Bulkhead(64)
  @Fallback(BoundFallback.class)
  public RemoteAnswer generate(RemoteCall<?> call) {
    return deadlines.run(call);
  }

  /**
   * An action-server call: each attempt within the action timeout, connection failures (only)
   * retried twice with backoff and jitter.
   */
  @Timeout(5000)
  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = PluginUnreachable.class)
  @Fallback(BoundFallback.class)
  public RemoteAnswer callActionServer(RemoteCall<?> call) {
    return deadlines.run(call);
  }
}
