package dev.parley.core.ops;

import dev.parley.core.cluster.ClusterSettings;
import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.crypto.EncryptionKeys;
import dev.parley.core.crypto.KeyConfigException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * The first thing the application does at start, before anything reads or writes data: a server
 * that shares its data must have been given its secrets ({@link SecretsPolicy}), the cluster
 * settings must make sense and the encryption keys must load. Otherwise the server refuses to start
 * ({@link StartRefusal}).
 */
@ApplicationScoped
public class StartupChecks {

  private SecretsPolicy policy;
  private EncryptionKeys keys;
  private ClusterSettings cluster;
  private StartRefusal refusal;

  /** For CDI proxies. */
  protected StartupChecks() {}

  /** Wires the collaborators. */
  @Inject
  public StartupChecks(
      SecretsPolicy policy, EncryptionKeys keys, ClusterSettings cluster, StartRefusal refusal) {
    this.policy = policy;
    this.keys = keys;
    this.cluster = cluster;
    this.refusal = refusal;
  }

  /** Runs the checks. */
  public void run() {
    Optional<String> refused = policy.refusal();
    if (refused.isPresent()) {
      throw refusal.refuse(refused.get());
    }
    try {
      cluster.discovery();
    } catch (RuntimeException e) {
      Optional<IllegalArgumentException> settingProblem =
          causeOfType(e, IllegalArgumentException.class);
      if (settingProblem.isEmpty()) {
        throw e;
      }
      throw refusal.refuse(
          "Parley refuses to start: the cluster settings are unusable: "
              + settingProblem.get().getMessage());
    }
    try {
      keys.ring();
    } catch (RuntimeException e) {
      Optional<KeyConfigException> keyProblem = causeOfType(e, KeyConfigException.class);
      if (keyProblem.isEmpty()) {
        throw e;
      }
      throw refusal.refuse(
          "Parley refuses to start: the encryption keys are unusable: "
              + keyProblem.get().getMessage());
    }
  }

  void onStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    run();
  }

  /** The problem of that type behind a failure (CDI may wrap what a bean's constructor threw). */
  private static <T extends Throwable> Optional<T> causeOfType(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
    }
    return Optional.empty();
  }
}
