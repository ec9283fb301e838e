package dev.parley.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestSettings;
import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.crypto.EncryptionKeys;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class StoredKeysCheckTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  /** Stored rows under these key ids, answered as the JPA adapter does. */
  private static StoredKeyIds storedUnder(String... ids) {
    return (configured, limit) -> {
      List<String> missing = new ArrayList<>();
      for (String id : new LinkedHashSet<>(List.of(ids))) {
        if (!configured.contains(id) && missing.size() < limit) {
          missing.add(id);
        }
      }
      return missing;
    };
  }

  private static EncryptionKeys keys(String ids) {
    StringBuilder text = new StringBuilder();
    for (String id : ids.split(",")) {
      text.append(id).append(':').append(KEY).append(',');
    }
    return new EncryptionKeys(
        TestSettings.inDir("target/stored-keys-check"),
        new SecretsPolicy(List.of(), true, true),
        Optional.of(text.toString()),
        Optional.empty());
  }

  private static List<LogRecord> logsOf(Runnable run) {
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(StoredKeysCheck.class.getName());
    logger.addHandler(capture);
    try {
      run.run();
    } finally {
      logger.removeHandler(capture);
    }
    return records;
  }

  @Test
  void rowsUnderKeysTheServerLacksAreNamedInOneSevereLine() {
    List<LogRecord> logged =
        logsOf(new StoredKeysCheck(storedUnder("k2", "kA", "kB"), keys("k2,k1"))::run);
    assertEquals(1, logged.size());
    assertEquals(Level.SEVERE, logged.get(0).getLevel());
    String line = logged.get(0).getMessage();
    assertTrue(line.contains("'kA'") && line.contains("'kB'"), line);
    assertTrue(line.contains("it has ['k2', 'k1']"), line);
    assertTrue(line.contains("PARLEY_ENCRYPTION_KEYS"), line);
    assertTrue(line.contains("PARLEY_ENCRYPTION_KEY_FILE"), line);
  }

  @Test
  void nothingIsSaidWhenEveryStoredKeyIsConfigured() {
    assertEquals(List.of(), logsOf(new StoredKeysCheck(storedUnder("k1"), keys("k1"))::run));
    assertEquals(Optional.empty(), StoredKeysCheck.problem(Set.of("k1"), List.of()));
  }

  @Test
  void aDatabaseThatCannotBeAskedIsOnlyAWarning() {
    StoredKeyIds down =
        (configured, limit) -> {
          throw new IllegalStateException("connection refused");
        };
    List<LogRecord> logged = logsOf(new StoredKeysCheck(down, keys("k1"))::run);
    assertEquals(1, logged.size());
    assertEquals(Level.WARNING, logged.get(0).getLevel());
  }
}
