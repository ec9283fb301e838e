package dev.parley.core.tracker.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.core.db.DatabaseRetry;
import dev.parley.core.db.DatabaseUnavailableException;
import dev.parley.core.db.RetryPolicy;
import dev.parley.core.tracker.AppendConflictException;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.plugin.conversation.ActionExecuted;
import dev.parley.plugin.conversation.Event;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RetryingBatchWriterTest {

  /** A store in memory whose commits can fail before or after they take effect. */
  private static final class FlakyStore extends JpaEventLog {
    final Map<String, StoredBatch> rows = new HashMap<>();
    final List<String> failures = new ArrayList<>();
    int commits;

    @Override
    public void appendAll(List<PendingAppend> appends) {
      commits++;
      String failure = failures.isEmpty() ? "none" : failures.remove(0);
      if (failure.equals("lost before commit")) {
        throw connectionLost();
      }
      for (PendingAppend append : appends) {
        String id = id(append.key(), append.firstSequence());
        if (rows.containsKey(id)) {
          throw new IllegalStateException(
              "insert failed", new SQLException("duplicate key", "23505"));
        }
      }
      appends.forEach(
          append ->
              rows.put(
                  id(append.key(), append.firstSequence()),
                  new StoredBatch(append.events().size(), append.events().get(0).timestamp())));
      if (failure.equals("lost after commit")) {
        throw connectionLost();
      }
    }

    @Override
    public Optional<StoredBatch> storedBatch(ConversationKey key, int firstSequence) {
      return Optional.ofNullable(rows.get(id(key, firstSequence)));
    }

    private static String id(ConversationKey key, int firstSequence) {
      return key.sender() + "#" + firstSequence;
    }

    private static RuntimeException connectionLost() {
      return new IllegalStateException("commit failed", new SQLException("I/O error", "08006"));
    }
  }

  private final FlakyStore store = new FlakyStore();
  private final RetryingBatchWriter writer =
      new RetryingBatchWriter(store, new DatabaseRetry(RetryPolicy.DATABASE, delay -> {}, () -> 0));

  private static PendingAppend turn(String sender, int firstSequence, double time) {
    List<Event> events =
        List.of(
            new ActionExecuted("action_listen", null, null, null, null, time, Map.of()),
            ActionExecuted.of("utter_greet", null, null));
    return new PendingAppend(
        new ConversationKey("t", "b", sender), firstSequence, events, new CompletableFuture<>());
  }

  @Test
  void writesOnceWhenAllGoesWell() {
    writer.write(List.of(turn("ann", 0, 1.0), turn("bo", 3, 2.0)));
    assertEquals(1, store.commits);
    assertEquals(2, store.rows.size());
  }

  @Test
  void triesAgainWhenTheConnectionWasLostBeforeTheCommit() {
    store.failures.add("lost before commit");
    writer.write(List.of(turn("ann", 0, 1.0), turn("bo", 3, 2.0)));
    assertEquals(2, store.commits);
    assertEquals(2, store.rows.size());
  }

  @Test
  void doesNotWriteTwiceWhenTheLostCommitHadTakenEffect() {
    store.failures.add("lost after commit");
    writer.write(List.of(turn("ann", 0, 1.0), turn("bo", 3, 2.0)));
    assertEquals(2, store.commits, "the second try finds both batches and inserts nothing");
    assertEquals(2, store.rows.size());
  }

  @Test
  void aBatchOfAnotherTurnAtTheSameSequenceIsAConflict() {
    store.failures.add("lost before commit");
    store.rows.put("ann#0", new StoredBatch(2, 99.0));
    assertThrows(AppendConflictException.class, () -> writer.write(List.of(turn("ann", 0, 1.0))));
  }

  @Test
  void aDuplicateOnTheFirstTryIsNotTakenForOurs() {
    store.rows.put("ann#0", new StoredBatch(2, 1.0));
    assertThrows(IllegalStateException.class, () -> writer.write(List.of(turn("ann", 0, 1.0))));
    assertEquals(1, store.commits);
  }

  @Test
  void givesUpAfterThreeTries() {
    store.failures.addAll(
        List.of("lost before commit", "lost before commit", "lost before commit"));
    assertThrows(
        DatabaseUnavailableException.class, () -> writer.write(List.of(turn("ann", 0, 1.0))));
    assertEquals(3, store.commits);
    assertEquals(0, store.rows.size());
  }
}
