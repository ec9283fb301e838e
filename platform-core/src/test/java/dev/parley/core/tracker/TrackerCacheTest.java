package dev.parley.core.tracker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.config.ServerSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackerCacheTest {

  @Test
  void decryptedTrackersStayInMemory() {
    TrackerCache cache =
        new TrackerCache(
            new ServerSettings(
                "target/x",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                4096,
                1000,
                10,
                1,
                false));
    try {
      assertTrue(cache.inMemoryOnly(), "no cache store, no global state on disk");
    } finally {
      cache.stop();
    }
  }
}
