package dev.parley.core.crypto;

import dev.parley.core.config.SecretsPolicy;
import dev.parley.core.config.ServerSettings;
import dev.parley.core.config.StartupPrecondition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured encryption keys ({@code PARLEY_ENCRYPTION_KEYS} or {@code
 * PARLEY_ENCRYPTION_KEY_FILE}, else a key generated into the data dir where the {@link
 * SecretsPolicy} allows it), loaded first thing when the application starts (by the start-up checks
 * of {@code ops}), so that a malformed or missing configuration stops the start with a clear
 * message.
 */
@ApplicationScoped
public class EncryptionKeys implements StartupPrecondition {

  private static final Logger LOG = Logger.getLogger(EncryptionKeys.class.getName());

  private KeyRing ring;

  /** For CDI proxies. */
  protected EncryptionKeys() {}

  /**
   * Loads the keys.
   *
   * @throws KeyConfigException if they are malformed, or missing where none may be generated
   */
  @Inject
  public EncryptionKeys(
      ServerSettings settings,
      SecretsPolicy policy,
      @ConfigProperty(name = KeyRingLoader.KEYS) Optional<String> keys,
      @ConfigProperty(name = KeyRingLoader.KEY_FILE) Optional<String> keyFile) {
    KeyRingLoader.LoadedKeyRing loaded =
        KeyRingLoader.load(keys, keyFile, settings.dataDir(), policy);
    this.ring = loaded.ring();
    LOG.info(
        "Conversation data at rest is encrypted with key '"
            + ring.active().id()
            + "' ("
            + ring.size()
            + " key(s) from "
            + loaded.source()
            + ")");
  }

  /** The keys. */
  public KeyRing ring() {
    return ring;
  }

  /**
   * Loads the keys (through CDI's proxy, creating this bean).
   *
   * @throws KeyConfigException if they are malformed, or missing where none may be generated
   */
  @Override
  public void check() {
    ring();
  }
}
