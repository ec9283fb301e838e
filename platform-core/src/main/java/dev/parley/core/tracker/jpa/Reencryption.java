package dev.parley.core.tracker.jpa;

import dev.parley.core.crypto.PayloadCipher;
import dev.parley.core.tracker.ConversationReencryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings all stored conversation data under the active encryption key, batch by batch (one
 * transaction each), so it can run while the server takes turns. Appends are not affected: new rows
 * are encrypted with the active key already.
 */
@ApplicationScoped
public class Reencryption implements ConversationReencryption {

  private static final Logger LOG = Logger.getLogger(Reencryption.class.getName());
  private static final int BATCH_SIZE = 200;

  private ReencryptionBatch batch;
  private PayloadCipher cipher;

  /** For CDI proxies. */
  protected Reencryption() {}

  /** Wires the collaborators. */
  @Inject
  public Reencryption(ReencryptionBatch batch, PayloadCipher cipher) {
    this.batch = batch;
    this.cipher = cipher;
  }

  /** Re-encrypts every row not under the active key. */
  @Override
  public Report run() {
    long started = System.nanoTime();
    int reencrypted = 0;
    int unreadable = 0;
    int batches = 0;
    Optional<ReencryptionBatch.Cursor> cursor = Optional.empty();
    while (true) {
      ReencryptionBatch.Outcome outcome = batch.run(cursor, BATCH_SIZE);
      if (outcome.last().isEmpty()) {
        break;
      }
      batches++;
      reencrypted += outcome.reencrypted();
      unreadable += outcome.unreadable();
      cursor = outcome.last();
    }
    int droppedSnapshots = batch.dropOldSnapshots();
    LOG.info(() -> "Dropped " + droppedSnapshots + " snapshots under older keys");
    Report report =
        new Report(
            cipher.activeKeyId(),
            reencrypted,
            unreadable,
            batches,
            (System.nanoTime() - started) / 1_000_000);
    LOG.info(() -> "Re-encryption done: " + report);
    return report;
  }
}
