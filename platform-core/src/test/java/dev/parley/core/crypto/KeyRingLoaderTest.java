package dev.parley.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.config.SecretsPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingLoaderTest {

  /** A server alone on its embedded database: it may generate its key. */
  private static final SecretsPolicy ALONE = new SecretsPolicy(List.of(), false, false);

  @TempDir Path dataDir;

  @Test
  void aServerThatSharesItsDataNeverGeneratesAKey() {
    SecretsPolicy shared =
        new SecretsPolicy(List.of("it uses a shared database (PARLEY_DB_URL)"), false, true);
    KeyConfigException refused =
        assertThrows(
            KeyConfigException.class,
            () ->
                KeyRingLoader.load(
                    Optional.empty(), Optional.empty(), dataDir.resolve("data"), shared));
    assertTrue(refused.getMessage().contains("PARLEY_ENCRYPTION_KEYS"), refused.getMessage());
    assertTrue(refused.getMessage().contains("PARLEY_ENCRYPTION_KEY_FILE"), refused.getMessage());
    assertFalse(Files.exists(dataDir.resolve("data").resolve(GeneratedKeyFile.FILE_NAME)));
    String key = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    assertEquals(
        "k1",
        KeyRingLoader.load(Optional.of(key), Optional.empty(), dataDir, shared)
            .ring()
            .active()
            .id(),
        "configured keys load as before");
  }

  @Test
  void withoutConfigurationAKeyIsGeneratedIntoTheDataDirOnce() throws IOException {
    List<String> logged = new java.util.ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(GeneratedKeyFile.class.getName());
    logger.addHandler(capture);
    KeyRingLoader.LoadedKeyRing first;
    try {
      first =
          KeyRingLoader.load(Optional.empty(), Optional.empty(), dataDir.resolve("data"), ALONE);
    } finally {
      logger.removeHandler(capture);
    }
    Path file = dataDir.resolve("data").resolve(GeneratedKeyFile.FILE_NAME);
    assertTrue(Files.isRegularFile(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(1, first.ring().size());
    assertTrue(first.source().contains(file.toString()), first.source());

    String material =
        java.util.Base64.getEncoder().encodeToString(first.ring().active().secret().getEncoded());
    assertEquals(1, logged.size(), logged.toString());
    assertTrue(logged.get(0).contains(file.toString()), "the log says where");
    assertFalse(logged.get(0).contains(material), "the log never shows the key");

    KeyRingLoader.LoadedKeyRing second =
        KeyRingLoader.load(Optional.of(" "), Optional.empty(), dataDir.resolve("data"), ALONE);
    assertEquals(first.ring().active().id(), second.ring().active().id());
    assertTrue(
        Arrays.equals(
            first.ring().active().secret().getEncoded(),
            second.ring().active().secret().getEncoded()),
        "the generated key is kept");
  }

  @Test
  void keysFromTheSettingComeFirstInOrder() {
    String keys =
        TestKeys.entry("k2", TestKeys.material()) + "," + TestKeys.entry("k1", TestKeys.material());
    KeyRingLoader.LoadedKeyRing loaded =
        KeyRingLoader.load(Optional.of(keys), Optional.empty(), dataDir, ALONE);
    assertEquals("k2", loaded.ring().active().id());
    assertTrue(loaded.ring().find("k1").isPresent());
    assertFalse(Files.exists(dataDir.resolve(GeneratedKeyFile.FILE_NAME)), "nothing generated");
  }

  @Test
  void aConfiguredKeyFileIsRead() throws IOException {
    Path file = dataDir.resolve("keys.txt");
    Files.writeString(
        file, TestKeys.entry("f1", TestKeys.material()) + "\n", StandardCharsets.UTF_8);
    KeyRingLoader.LoadedKeyRing loaded =
        KeyRingLoader.load(Optional.empty(), Optional.of(file.toString()), dataDir, ALONE);
    assertEquals("f1", loaded.ring().active().id());
  }

  @Test
  void unusableConfigurationsStopWithAClearMessage() throws IOException {
    String keys = TestKeys.entry("k1", TestKeys.material());
    KeyConfigException both =
        assertThrows(
            KeyConfigException.class,
            () -> KeyRingLoader.load(Optional.of(keys), Optional.of("/x"), dataDir, ALONE));
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
    assertFalse(both.getMessage().contains(keys.substring(3)));

    KeyConfigException missing =
        assertThrows(
            KeyConfigException.class,
            () ->
                KeyRingLoader.load(
                    Optional.empty(),
                    Optional.of(dataDir.resolve("none").toString()),
                    dataDir,
                    ALONE));
    assertTrue(missing.getMessage().contains("no key file at"), missing.getMessage());

    Path bad = dataDir.resolve("bad.txt");
    Files.writeString(bad, "k1:c2hvcnQ=\n", StandardCharsets.UTF_8);
    KeyConfigException shortKey =
        assertThrows(
            KeyConfigException.class,
            () ->
                KeyRingLoader.load(Optional.empty(), Optional.of(bad.toString()), dataDir, ALONE));
    assertTrue(shortKey.getMessage().startsWith(bad.toString()), shortKey.getMessage());
    assertFalse(shortKey.getMessage().contains("c2hvcnQ="));

    KeyConfigException inline =
        assertThrows(
            KeyConfigException.class,
            () -> KeyRingLoader.load(Optional.of("k1"), Optional.empty(), dataDir, ALONE));
    assertTrue(inline.getMessage().startsWith(KeyRingLoader.KEYS), inline.getMessage());
  }
}
