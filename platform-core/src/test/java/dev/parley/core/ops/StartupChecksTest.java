package dev.parley.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.TestSettings;
import dev.parley.core.cluster.ClusterSettings;
import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.config.StartupPrecondition;
import dev.parley.core.crypto.EncryptionKeys;
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
  void aSharingServerWithoutSecretsFailsItsStartAndEndsTheProcessWithExitCode78() throws Exception {
    StartupChecks checks =
        new StartupChecks(
            SHARED_WITHOUT_SECRETS,
            ClusterSettings.NONE,
            List.of(() -> keysFor(SHARED_WITHOUT_SECRETS, Optional.empty())),
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
    // created on first use, as through CDI's proxy
    StartupPrecondition keys = () -> keysFor(alone, Optional.of("k1:not-base64!")).check();
    StartupChecks checks = new StartupChecks(alone, ClusterSettings.NONE, List.of(keys), refusal);
    StartRefusal.StartRefusedException refused =
        assertThrows(StartRefusal.StartRefusedException.class, checks::run);
    assertTrue(refused.getMessage().contains("not valid base64"), refused.getMessage());
    assertEquals(StartRefusal.EXIT_CODE, exits.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void aServerAloneOnItsEmbeddedDatabaseStartsWithAGeneratedKey() throws Exception {
    SecretsPolicy alone = new SecretsPolicy(List.of(), false, false);
    new StartupChecks(
            alone, ClusterSettings.NONE, List.of(keysFor(alone, Optional.empty())), refusal)
        .run();
    assertTrue(Files.isRegularFile(dir.resolve("data").resolve("encryption-keys")));
    assertEquals(null, exits.poll(700, TimeUnit.MILLISECONDS), "the process goes on");
  }
}
