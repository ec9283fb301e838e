package dev.parley.core.tracker.jpa;

import dev.parley.core.db.DatabaseRetry;
import dev.parley.core.tracker.AppendConflictException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a group of turns' events in one transaction, trying again after transient database
 * failures, and never twice: after a failed try whose outcome is unknown, the next try first looks
 * for each turn's batch (keyed by conversation and first sequence number) and writes only those not
 * yet stored. A stored batch of another size or time is someone else's: that turn fails with {@link
 * AppendConflictException}.
 */
final class RetryingBatchWriter {

  private final JpaEventLog jpa;
  private final DatabaseRetry retry;

  RetryingBatchWriter(JpaEventLog jpa, DatabaseRetry retry) {
    this.jpa = jpa;
    this.retry = retry;
  }

  /** Stores all turns of the group, or throws. */
  void write(List<PendingAppend> group) {
    retry.run("storing events", attempt -> jpa.appendAll(attempt == 1 ? group : notStored(group)));
  }

  private List<PendingAppend> notStored(List<PendingAppend> group) {
    List<PendingAppend> missing = new ArrayList<>(group.size());
    for (PendingAppend pending : group) {
      if (pending.events().isEmpty()) {
        continue;
      }
      var stored = jpa.storedBatch(pending.key(), pending.firstSequence());
      if (stored.isEmpty()) {
        missing.add(pending);
      } else if (!stored.get().isOf(pending.events())) {
        throw new AppendConflictException(pending.key(), pending.firstSequence(), null);
      }
    }
    return missing;
  }
}
