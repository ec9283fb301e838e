package dev.parley.core;

import dev.parley.core.config.ServerSettings;
import java.util.Optional;

/** Server settings for tests that run the core without a server. */
public final class TestSettings {

  private TestSettings() {}

  /** Data under {@code dataDir}, no plugin jars, a 1 s lock wait, a small tracker cache. */
  public static ServerSettings inDir(String dataDir) {
    return new ServerSettings(
        dataDir,
        Optional.of("target/no-plugins"),
        Optional.empty(),
        Optional.empty(),
        4096,
        1000,
        1000,
        5,
        false);
  }
}
