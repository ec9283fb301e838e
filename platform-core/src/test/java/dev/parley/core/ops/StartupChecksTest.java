package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestSettings;
import dev.parley.core.cluster.ClusterSettings;
import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.crypto.EncryptionKeys;
import dev.parley.core.crypto.KeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupChecksTest {

  private static final SecretsPolicy SHARED_WITHOUT_SECRETS =
      new SecretsPolicy(List.of("it uses a shared database (PARLEY_DB_URL)"), false, false);

  @TempDir Path dir;

  private final BlockingQueue<Integer> exits = new ArrayBlockingQueue<>(4);
  private final StartRefusal refusal = new StartRefusal(exits::add);

  private EncryptionKeys keysFor(SecretsPolicy policy, Optional<String> keys) {
    return new EncryptionKeys(
        TestSettings.inDir(dir.resolve("data").toString()), policy, keys, Optional.empty());
  }

  @Test
  void aSharingServerWithoutSecretsFailsItsStartAndEndsTheProcessWithExitCode78()
      throws Exception {
    StartupChecks checks =
        new StartupChecks(
            SHARED_WITHOUT_SECRETS,
            null, // never reached: the policy refuses first
            ClusterSettings.NONE,
            refusal);
    StartRefusal.StartRefusedException refused =
        assertThrows(StartRefusal.StartRefusedException.class, checks::run);
    assertTrue(refused.getMessage().contains("PARLEY_ADMIN_PASSWORD"), refused.getMessage());
    assertEquals(StartRefusal.EXIT_CODE, exits.poll(10, TimeUnit.SECONDS));
    assertEquals(78, StartRefusal.EXIT_CODE);
    assertFalse(Files.exists(dir.resolve("data")), "nothing was generated");
  }

  @Test
  void unusableKeysAreARefusalToo() throws Exception {
    SecretsPolicy alone = new SecretsPolicy(List.of(), true, true);
    EncryptionKeys createdOnFirstUse = // as CDI's proxy does
        new EncryptionKeys() {
          @Override
          public KeyRing ring() {
            return keysFor(alone, Optional.of("k1:not-base64!")).ring();
          }
        };
    StartupChecks checks = new StartupChecks(alone, createdOnFirstUse, ClusterSettings.NONE, refusal);
    StartRefusal.StartRefusedException refused =
        assertThrows(StartRefusal.StartRefusedException.class, checks::run);
    assertTrue(refused.getMessage().contains("encryption keys are unusable"), refused.getMessage());
    assertEquals(StartRefusal.EXIT_CODE, exits.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void aServerAloneOnItsEmbeddedDatabaseStartsWithAGeneratedKey() throws Exception {
    SecretsPolicy alone = new SecretsPolicy(List.of(), false, false);
    new StartupChecks(alone, keysFor(alone, Optional.empty()), ClusterSettings.NONE, refusal)
        .run();
    assertTrue(Files.isRegularFile(dir.resolve("data").resolve("encryption-keys")));
    assertEquals(null, exits.poll(700, TimeUnit.MILLISECONDS), "the process goes on");
  }
}
