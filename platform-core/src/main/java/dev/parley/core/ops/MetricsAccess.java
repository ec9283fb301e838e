package dev.parley.core.ops;

import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.config.StartupPrecondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read {@code /metrics}, said at start. Liberty's metrics feature serves {@code /metrics}
 * outside the application, open to anyone who reaches the HTTP port; its own protection is HTTP
 * Basic over HTTPS only, and no bearer token. So a server given {@code PARLEY_METRICS_TOKEN}
 * refuses to start rather than look protected while it is not, and a server that is not the
 * embedded single-node default (it shares a database or joins a cluster) warns that its metrics are
 * open.
 */
@ApplicationScoped
public class MetricsAccess implements StartupPrecondition {

  /** The setting, as an environment variable. */
  public static final String TOKEN_VARIABLE = "PARLEY_METRICS_TOKEN";

  private static final Logger LOG = Logger.getLogger(MetricsAccess.class.getName());

  private boolean tokenGiven;
  private boolean sharedServer;

  /** For CDI proxies. */
  protected MetricsAccess() {}

  /** Reads the token setting and whether the server is the single-node default. */
  @Inject
  public MetricsAccess(
      @ConfigProperty(name = "parley.metrics.token") Optional<String> token, SecretsPolicy policy) {
    this(token.filter(value -> !value.isBlank()).isPresent(), !policy.mayGenerateSecrets());
  }

  /**
   * A decided access (tests).
   *
   * @param tokenGiven whether {@code PARLEY_METRICS_TOKEN} is set
   * @param sharedServer whether the server shares its database or joins a cluster
   */
  MetricsAccess(boolean tokenGiven, boolean sharedServer) {
    this.tokenGiven = tokenGiven;
    this.sharedServer = sharedServer;
  }

  @Override
  public void check() {
    if (tokenGiven) {
      throw new IllegalStateException(
          TOKEN_VARIABLE
              + " is set, but this server cannot require it: /metrics is served by Liberty's"
              + " metrics feature, which checks no bearer token. Unset it and let only the"
              + " monitoring network or an authenticating reverse proxy reach /metrics"
              + " (docs/security.md: Metrics).");
    }
    openNotice().ifPresent(LOG::warning);
  }

  /** The warning a shared server logs at start; empty for the single-node default. */
  Optional<String> openNotice() {
    if (!sharedServer) {
      return Optional.empty();
    }
    return Optional.of(
        "/metrics is open: anyone who reaches this server's HTTP port reads the metrics of every"
            + " tenant and bot. Let only the monitoring network or an authenticating reverse"
            + " proxy reach it (docs/security.md: Metrics).");
  }
}
