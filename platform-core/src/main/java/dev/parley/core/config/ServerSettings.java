package dev.parley.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-wide settings from MicroProfile Config (environment variables such as {@code
 * PARLEY_DATA_DIR} map to {@code parley.data.dir}).
 */
@ApplicationScoped
public class ServerSettings {

  private Path dataDir;
  private Optional<String> pluginDir;
  private Optional<String> botsDir;
  private Optional<String> adminPassword;
  private int maxMessageChars;
  private long lockWaitMillis;
  private long trackerCacheMaxEntries;
  private long trackerCacheIdleMinutes;
  private boolean demoBot;

  /** For CDI proxies. */
  protected ServerSettings() {}

  /** Reads every setting once. */
  @Inject
  public ServerSettings(
      @ConfigProperty(name = "parley.data.dir", defaultValue = "./parley-data") String dataDir,
      @ConfigProperty(name = "parley.plugin.dir") Optional<String> pluginDir,
      @ConfigProperty(name = "parley.bots.dir") Optional<String> botsDir,
      @ConfigProperty(name = "parley.admin.password") Optional<String> adminPassword,
      @ConfigProperty(name = "parley.message.max.chars", defaultValue = "4096") int maxMessageChars,
      @ConfigProperty(name = "parley.lock.wait.millis", defaultValue = "10000") long lockWaitMillis,
      @ConfigProperty(name = "parley.tracker.cache.max.entries", defaultValue = "100000")
          long trackerCacheMaxEntries,
      @ConfigProperty(name = "parley.tracker.cache.idle.minutes", defaultValue = "30")
          long trackerCacheIdleMinutes,
      @ConfigProperty(name = "parley.demo.bot", defaultValue = "true") boolean demoBot) {
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    this.pluginDir = pluginDir.filter(value -> !value.isBlank());
    this.botsDir = botsDir.filter(value -> !value.isBlank());
    this.adminPassword = adminPassword.filter(value -> !value.isBlank());
    this.maxMessageChars = maxMessageChars;
    this.lockWaitMillis = lockWaitMillis;
    this.trackerCacheMaxEntries = trackerCacheMaxEntries;
    this.trackerCacheIdleMinutes = trackerCacheIdleMinutes;
    this.demoBot = demoBot;
  }

  /** Where the embedded database, generated keys and the admin password live. */
  public Path dataDir() {
    return dataDir;
  }

  /** Third-party plugin jars; defaults to {@code <data dir>/plugins}. */
  public Path pluginDir() {
    return pluginDir
        .map(dir -> Path.of(dir).toAbsolutePath().normalize())
        .orElse(dataDir.resolve("plugins"));
  }

  /** Bot projects ({@code <tenant>/<bot>/}) imported at start-up, if configured. */
  public Optional<Path> botsDir() {
    return botsDir.map(dir -> Path.of(dir).toAbsolutePath().normalize());
  }

  /** The admin password if configured; otherwise one is generated. */
  public Optional<String> adminPassword() {
    return adminPassword;
  }

  /** The longest message text accepted, in characters. */
  public int maxMessageChars() {
    return maxMessageChars;
  }

  /** How long a message waits for its conversation's lock. */
  public long lockWaitMillis() {
    return lockWaitMillis;
  }

  /** Most trackers kept in memory. */
  public long trackerCacheMaxEntries() {
    return trackerCacheMaxEntries;
  }

  /** Minutes a tracker stays cached without use. */
  public long trackerCacheIdleMinutes() {
    return trackerCacheIdleMinutes;
  }

  /** Whether the demo bot is imported at start-up. */
  public boolean demoBot() {
    return demoBot;
  }
}
