package dev.parley.core.ops;

import dev.parley.core.bot.BotService;
import dev.parley.core.bot.BotStartup;
import dev.parley.core.bot.BotVersionWatcher;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.plugin.PluginRegistry;
import dev.parley.core.security.AdminCredentials;
import dev.parley.core.tenant.TenantService;
import dev.parley.core.tracker.StoredKeysCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Runs once when the application starts, after the {@link StartupChecks}: discovers plugins (a
 * duplicate id stops the start), makes sure the admin password exists, says whether stored
 * conversations need keys this server lacks ({@link StoredKeysCheck}), loads and imports bots,
 * warms the JIT up ({@link WarmUp}), then reports ready.
 */
@ApplicationScoped
public class ParleyStartup {

  private static final Logger LOG = Logger.getLogger(ParleyStartup.class.getName());

  private PluginRegistry registry;
  private AdminCredentials credentials;
  private BotService bots;
  private TenantService tenants;
  private ServerSettings settings;
  private Readiness readiness;
  private BotVersionWatcher versionWatcher;
  private StoredKeysCheck storedKeys;
  private WarmUp warmUp;

  /** For CDI proxies. */
  protected ParleyStartup() {}

  /** Wires the collaborators. */
  @Inject
  public ParleyStartup(
      PluginRegistry registry,
      AdminCredentials credentials,
      BotService bots,
      TenantService tenants,
      ServerSettings settings,
      Readiness readiness,
      BotVersionWatcher versionWatcher,
      StoredKeysCheck storedKeys,
      WarmUp warmUp) {
    this.warmUp = warmUp;
    this.versionWatcher = versionWatcher;
    this.storedKeys = storedKeys;
    this.registry = registry;
    this.credentials = credentials;
    this.bots = bots;
    this.tenants = tenants;
    this.settings = settings;
    this.readiness = readiness;
  }

  private void createPluginFolder() {
    try {
      java.nio.file.Files.createDirectories(settings.pluginDir());
    } catch (java.io.IOException e) {
      LOG.warning("cannot create the plugin folder " + settings.pluginDir() + ": " + e);
    }
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    long started = System.nanoTime();
    LOG.info(
        () ->
            "Parley starting: data dir "
                + settings.dataDir()
                + ", plugin dir "
                + settings.pluginDir()
                + ", "
                + registry.all().size()
                + " plugins");
    NativeLibraryCache.configure(settings.dataDir(), System::getenv)
        .ifPresent(
            folder -> LOG.info(() -> "native libraries of the tokenizer unpack into " + folder));
    credentials.user();
    storedKeys.run();
    createPluginFolder();
    new BotStartup(bots, tenants, settings).run();
    versionWatcher.start();
    warmUp.start(
        () -> {
          readiness.markReady();
          LOG.info(() -> "Parley ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        });
  }
}
