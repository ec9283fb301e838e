package dev.parley.core.tracker.jpa;

import dev.parley.core.crypto.PayloadCipher;
import dev.parley.core.crypto.PayloadCipherException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Re-encrypts one batch of event-batch rows that are not under the active key (older keys, or
 * stored before encryption) in one transaction, in key order after a cursor. A row that cannot be
 * decrypted (its key is no longer configured, or it is damaged) is left as it is and counted.
 */
@ApplicationScoped
public class ReencryptionBatch {

  private static final Logger LOG = Logger.getLogger(ReencryptionBatch.class.getName());

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  private PayloadCipher cipher;

  /** For CDI proxies. */
  protected ReencryptionBatch() {}

  /** Re-encrypts with the given cipher's active key. */
  @Inject
  public ReencryptionBatch(PayloadCipher cipher) {
    this.cipher = cipher;
  }

  /**
   * Re-encrypts up to {@code limit} rows after the cursor.
   *
   * @param after the last row of the previous batch; empty to start
   * @param limit the most rows in this batch
   */
  /**
   * Drops the snapshots not under the active key: they only spare loading the event log, and the
   * next long turn of each conversation takes a new one under the active key.
   *
   * @return the number dropped
   */
  @Transactional
  public int dropOldSnapshots() {
    List<SnapshotEntity> old =
        em.createQuery("select s from SnapshotEntity s", SnapshotEntity.class)
            .getResultStream()
            .filter(snapshot -> !cipher.isCurrent(snapshot.payload()))
            .toList();
    old.forEach(em::remove);
    return old.size();
  }

  @Transactional
  public Outcome run(Optional<Cursor> after, int limit) {
    Cursor from = after.orElse(new Cursor("", Integer.MIN_VALUE));
    List<EventBatchEntity> rows =
        em.createQuery(
                "select b from EventBatchEntity b where (b.conversationId > :cid or"
                    + " (b.conversationId = :cid and b.firstSeq > :seq))"
                    + " and b.payload not like :current escape '!'"
                    + " order by b.conversationId, b.firstSeq",
                EventBatchEntity.class)
            .setParameter("cid", from.conversationId())
            .setParameter("seq", from.firstSeq())
            .setParameter("current", likePrefix(PayloadCipher.PREFIX + cipher.activeKeyId() + ":"))
            .setMaxResults(limit)
            .getResultList();
    int reencrypted = 0;
    int unreadable = 0;
    for (EventBatchEntity row : rows) {
      String context = BatchContext.of(row.conversationId(), row.firstSeq());
      try {
        row.reencrypted(cipher.seal(cipher.open(row.payload(), context), context));
        reencrypted++;
      } catch (PayloadCipherException e) {
        unreadable++;
        LOG.warning(
            "event batch "
                + row.conversationId()
                + "/"
                + row.firstSeq()
                + " left as it is: "
                + e.getMessage());
      }
    }
    Optional<Cursor> last =
        rows.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Cursor(
                    rows.get(rows.size() - 1).conversationId(),
                    rows.get(rows.size() - 1).firstSeq()));
    return new Outcome(reencrypted, unreadable, last);
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
  }

  /**
   * A position in key order.
   *
   * @param conversationId the row's conversation
   * @param firstSeq the row's first sequence number
   */
  public record Cursor(String conversationId, int firstSeq) {}

  /**
   * What one batch did.
   *
   * @param reencrypted rows now under the active key
   * @param unreadable rows left as they were
   * @param last the last row looked at; empty when there was none (the work is done)
   */
  public record Outcome(int reencrypted, int unreadable, Optional<Cursor> last) {}
}
