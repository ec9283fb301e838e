package dev.parley.core.bot;

import dev.parley.core.cluster.CacheNode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In a cluster, a bot imported or retrained on one server must serve on all of them without a
 * restart: every few seconds each server compares the active versions in the shared database with
 * the ones it serves and loads what changed ({@code PARLEY_BOTS_REFRESH_SECONDS}, default 5; 0
 * turns it off). A single server does not need it.
 */
@ApplicationScoped
public class BotVersionWatcher {

  private static final Logger LOG = Logger.getLogger(BotVersionWatcher.class.getName());

  @Resource private ManagedScheduledExecutorService scheduler;

  private BotService bots;
  private CacheNode node;
  private long periodSeconds;
  private ScheduledFuture<?> task;

  /** For CDI proxies. */
  protected BotVersionWatcher() {}

  /** Watches through the bot service, when this server is clustered. */
  @Inject
  public BotVersionWatcher(
      BotService bots,
      CacheNode node,
      @ConfigProperty(name = "parley.bots.refresh.seconds", defaultValue = "5")
          long periodSeconds) {
    this.bots = bots;
    this.node = node;
    this.periodSeconds = periodSeconds;
  }

  /** Starts watching (after the stored bots were loaded at start-up). */
  public void start() {
    if (!node.clustered() || periodSeconds <= 0 || task != null) {
      return;
    }
    task =
        scheduler.scheduleWithFixedDelay(
            this::refresh, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    LOG.info(() -> "Watching for bot versions from other servers every " + periodSeconds + " s");
  }

  private void refresh() {
    try {
      int loaded = bots.refreshStoredBots();
      if (loaded > 0) {
        LOG.info(() -> loaded + " bot version(s) from another server loaded");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Checking bot versions failed; will try again", e);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
