package dev.parley.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsPolicyTest {

  private static final Optional<String> NONE = Optional.empty();
  private static final Optional<String> POSTGRES =
      Optional.of("jdbc:postgresql://db.example:5432/parley");
  private static final Optional<String> KEYS = Optional.of("k1:c2VjcmV0");
  private static final Optional<String> PASSWORD = Optional.of("s3cret");

  private static SecretsPolicy policy(
      Optional<String> dbUrl,
      Optional<String> bind,
      Optional<String> members,
      Optional<String> discovery,
      Optional<String> keys,
      Optional<String> keyFile,
      Optional<String> password) {
    return new SecretsPolicy(dbUrl, bind, members, discovery, keys, keyFile, password);
  }

  @Test
  void aServerAloneOnItsEmbeddedDatabaseMayGenerateItsSecrets() {
    for (Optional<String> url :
        List.of(
            NONE,
            Optional.of(""),
            Optional.of("jdbc:h2:file:./parley-data/db/parley"),
            Optional.of("jdbc:h2:mem:test"),
            Optional.of("jdbc:h2:file:/srv/parley/db;MODE=PostgreSQL"))) {
      SecretsPolicy alone = policy(url, NONE, NONE, NONE, NONE, NONE, NONE);
      assertTrue(alone.mayGenerateSecrets(), url.toString());
      assertEquals(Optional.empty(), alone.refusal(), url.toString());
    }
  }

  @Test
  void aSharedDatabaseOrAClusterSettingMakesTheServerShareItsData() {
    List<Optional<String>> shared =
        List.of(
            POSTGRES,
            Optional.of("jdbc:h2:tcp://db.example/parley"),
            Optional.of("jdbc:h2:ssl://db.example/parley"),
            Optional.of("jdbc:h2:file:/tmp/cluster/db;AUTO_SERVER=TRUE"),
            Optional.of("jdbc:h2:file:/tmp/cluster/db;auto_server=true"));
    for (Optional<String> url : shared) {
      assertFalse(
          policy(url, NONE, NONE, NONE, NONE, NONE, NONE).mayGenerateSecrets(), url.toString());
    }
    Optional<String> member = Optional.of("10.0.0.5:7800");
    assertFalse(policy(NONE, member, NONE, NONE, NONE, NONE, NONE).mayGenerateSecrets());
    assertFalse(policy(NONE, NONE, member, NONE, NONE, NONE, NONE).mayGenerateSecrets());
    assertFalse(
        policy(NONE, NONE, NONE, Optional.of("dns:parley"), NONE, NONE, NONE).mayGenerateSecrets());
    assertTrue(
        policy(NONE, Optional.of(" "), Optional.of(""), NONE, NONE, NONE, NONE)
            .mayGenerateSecrets(),
        "blank settings are unset");
  }

  @Test
  void aSharingServerWithoutSecretsIsRefusedWithTheSettingsToSet() {
    String message = policy(POSTGRES, NONE, NONE, NONE, NONE, NONE, NONE).refusal().orElseThrow();
    assertTrue(message.startsWith("Parley refuses to start"), message);
    assertTrue(message.contains("PARLEY_DB_URL"), "says why: " + message);
    assertTrue(message.contains("PARLEY_ENCRYPTION_KEYS"), message);
    assertTrue(message.contains("PARLEY_ENCRYPTION_KEY_FILE"), message);
    assertTrue(message.contains("PARLEY_ADMIN_PASSWORD"), message);
    assertFalse(message.contains("jdbc:postgresql"), "never the URL (it may hold a password)");

    String clusterOnly =
        policy(NONE, Optional.of("127.0.0.1:7800"), NONE, NONE, NONE, NONE, PASSWORD)
            .refusal()
            .orElseThrow();
    assertTrue(clusterOnly.contains("PARLEY_CLUSTER_BIND"), clusterOnly);
    assertTrue(clusterOnly.contains("PARLEY_ENCRYPTION_KEYS"), clusterOnly);
    assertFalse(clusterOnly.contains("PARLEY_ADMIN_PASSWORD"), "only what is missing");

    String passwordOnly =
        policy(POSTGRES, NONE, NONE, NONE, NONE, Optional.of("/etc/keys"), NONE)
            .refusal()
            .orElseThrow();
    assertTrue(passwordOnly.contains("PARLEY_ADMIN_PASSWORD"), passwordOnly);
    assertFalse(passwordOnly.contains("PARLEY_ENCRYPTION_KEY"), passwordOnly);
  }

  @Test
  void aSharingServerGivenItsSecretsStartsButStillNeverGeneratesAny() {
    for (SecretsPolicy given :
        List.of(
            policy(POSTGRES, NONE, NONE, NONE, KEYS, NONE, PASSWORD),
            policy(POSTGRES, NONE, NONE, NONE, NONE, Optional.of("/etc/keys"), PASSWORD),
            policy(
                NONE,
                Optional.of("10.0.0.5:7800"),
                NONE,
                Optional.of("dns:parley-discovery.default.svc.cluster.local"),
                KEYS,
                NONE,
                PASSWORD))) {
      assertEquals(Optional.empty(), given.refusal());
      assertFalse(given.mayGenerateSecrets());
    }
    assertTrue(
        policy(POSTGRES, NONE, NONE, NONE, KEYS, NONE, PASSWORD)
            .generationRefused("PARLEY_ADMIN_PASSWORD")
            .contains("PARLEY_ADMIN_PASSWORD"));
  }
}
