package dev.parley.core.ops;

import dev.parley.core.cluster.ClusterSettings;
import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.config.StartupPrecondition;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * The first thing the application does at start, before anything reads or writes data: a server
 * that shares its data must have been given its secrets ({@link SecretsPolicy}), the cluster
 * settings must make sense, and every other {@link StartupPrecondition} (the encryption keys must
 * load) must hold. Otherwise the server refuses to start ({@link StartRefusal}).
 */
@ApplicationScoped
public class StartupChecks {

  private SecretsPolicy policy;
  private ClusterSettings cluster;
  private Iterable<StartupPrecondition> preconditions;
  private StartRefusal refusal;

  /** For CDI proxies. */
  protected StartupChecks() {}

  /** Wires the collaborators. */
  @Inject
  public StartupChecks(
      SecretsPolicy policy,
      ClusterSettings cluster,
      @Any Instance<StartupPrecondition> preconditions,
      StartRefusal refusal) {
    this(policy, cluster, (Iterable<StartupPrecondition>) preconditions, refusal);
  }

  /** Wires the collaborators (tests). */
  StartupChecks(
      SecretsPolicy policy,
      ClusterSettings cluster,
      Iterable<StartupPrecondition> preconditions,
      StartRefusal refusal) {
    this.policy = policy;
    this.cluster = cluster;
    this.preconditions = preconditions;
    this.refusal = refusal;
  }

  /** Runs the checks: the secrets first, since the keys' own check would name fewer settings. */
  public void run() {
    Optional<String> refused = policy.refusal();
    if (refused.isPresent()) {
      throw refusal.refuse(refused.get());
    }
    check("the cluster settings are unusable", cluster::discovery);
    for (StartupPrecondition precondition : preconditions) {
      check("the configuration is unusable", precondition::check);
    }
  }

  void onStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    run();
  }

  private void check(String what, Runnable check) {
    try {
      check.run();
    } catch (RuntimeException e) {
      Optional<RuntimeException> problem = configurationProblem(e);
      if (problem.isEmpty()) {
        throw e;
      }
      throw refusal.refuse("Parley refuses to start: " + what + ": " + problem.get().getMessage());
    }
  }

  /**
   * The configuration problem behind a failure (CDI may wrap what a bean's constructor threw): an
   * {@link IllegalStateException} or {@link IllegalArgumentException}.
   */
  private static Optional<RuntimeException> configurationProblem(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
        return Optional.of((RuntimeException) cause);
      }
    }
    return Optional.empty();
  }
}
