package dev.parley.core.tracker;

import dev.parley.core.crypto.EncryptionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Says at start whether the stored conversations need keys this server lacks, instead of letting
 * their turns fail one by one: one SEVERE line naming the missing key ids and the settings that
 * give keys. The server still starts (conversations under configured keys work).
 */
@ApplicationScoped
public class StoredKeysCheck {

  private static final Logger LOG = Logger.getLogger(StoredKeysCheck.class.getName());
  private static final int MOST_IDS_REPORTED = 10;

  private StoredKeyIds stored;
  private EncryptionKeys keys;

  /** For CDI proxies. */
  protected StoredKeysCheck() {}

  /** Wires the collaborators. */
  @Inject
  public StoredKeysCheck(StoredKeyIds stored, EncryptionKeys keys) {
    this.stored = stored;
    this.keys = keys;
  }

  /** Runs the check and logs its finding; a database that cannot be asked is only reported. */
  public void run() {
    try {
      problem(keys.ring().ids(), stored.missingFrom(keys.ring().ids(), MOST_IDS_REPORTED))
          .ifPresent(LOG::severe);
    } catch (RuntimeException e) {
      LOG.warning("cannot check which encryption keys the stored conversations need: " + e);
    }
  }

  /** The SEVERE line for stored rows under keys missing from {@code configured}, if any. */
  static Optional<String> problem(Set<String> configured, List<String> missing) {
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Stored conversations are encrypted with key id(s) "
            + missing.stream().map(id -> "'" + id + "'").toList()
            + " that this server does not have (it has "
            + configured.stream().map(id -> "'" + id + "'").toList()
            + "): their turns will fail until those keys are added to PARLEY_ENCRYPTION_KEYS or"
            + " PARLEY_ENCRYPTION_KEY_FILE (servers sharing a database need the same keys)");
  }
}
