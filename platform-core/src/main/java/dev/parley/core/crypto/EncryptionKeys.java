package dev.parley.core.crypto;

import dev.parley.core.config.ServerSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured encryption keys ({@code PARLEY_ENCRYPTION_KEYS} or {@code
 * PARLEY_ENCRYPTION_KEY_FILE}, else a key generated into the data dir), loaded when the application
 * starts so that a malformed configuration stops the start with a clear message.
 */
@ApplicationScoped
public class EncryptionKeys {

  private static final Logger LOG = Logger.getLogger(EncryptionKeys.class.getName());

  private KeyRing ring;

  /** For CDI proxies. */
  protected EncryptionKeys() {}

  /** Loads the keys. */
  @Inject
  public EncryptionKeys(
      ServerSettings settings,
      @ConfigProperty(name = KeyRingLoader.KEYS) Optional<String> keys,
      @ConfigProperty(name = KeyRingLoader.KEY_FILE) Optional<String> keyFile) {
    KeyRingLoader.LoadedKeyRing loaded;
    try {
      loaded = KeyRingLoader.load(keys, keyFile, settings.dataDir());
    } catch (KeyConfigException e) {
      LOG.severe("Encryption keys unusable, Parley cannot start: " + e.getMessage());
      throw e;
    }
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

  /** Loads the keys before the rest of the start-up (which reports ready) runs. */
  void onStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    ring();
  }
}
