package dev.parley.core.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.config.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialsTest {

  @TempDir Path dir;

  private ServerSettings settings(Optional<String> password) {
    return new ServerSettings(
        dir.resolve("data").toString(),
        Optional.empty(),
        Optional.empty(),
        password,
        4096,
        1000,
        1000,
        5,
        false);
  }

  @Test
  void aServerAloneOnItsEmbeddedDatabaseGeneratesThePasswordOnce() throws Exception {
    SecretsPolicy alone = new SecretsPolicy(List.of(), false, false);
    new AdminCredentials(settings(Optional.empty()), alone);
    Path file = dir.resolve("data").resolve("admin-password");
    String generated = Files.readString(file).trim();
    assertTrue(new AdminCredentials(settings(Optional.empty()), alone).acceptsPassword(generated));
  }

  @Test
  void aServerThatSharesItsDataNeverGeneratesIt() {
    SecretsPolicy shared = new SecretsPolicy(List.of("it joins a cluster"), true, false);
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> new AdminCredentials(settings(Optional.empty()), shared));
    assertTrue(refused.getMessage().contains("PARLEY_ADMIN_PASSWORD"), refused.getMessage());
    assertFalse(Files.exists(dir.resolve("data").resolve("admin-password")));
    assertTrue(
        new AdminCredentials(settings(Optional.of("given")), shared).acceptsPassword("given"));
  }
}
