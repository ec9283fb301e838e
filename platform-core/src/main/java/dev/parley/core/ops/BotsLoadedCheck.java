package dev.parley.core.ops;

import dev.parley.core.bot.BotCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when start-up has loaded the bots. */
@Readiness
@ApplicationScoped
public class BotsLoadedCheck implements HealthCheck {

  private dev.parley.core.ops.Readiness readiness;
  private BotCatalog catalog;

  /** For CDI proxies. */
  protected BotsLoadedCheck() {}

  /** Wires the collaborators. */
  @Inject
  public BotsLoadedCheck(dev.parley.core.ops.Readiness readiness, BotCatalog catalog) {
    this.readiness = readiness;
    this.catalog = catalog;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("bots")
        .status(readiness.isReady())
        .withData("loaded", catalog.all().size())
        .build();
  }
}
