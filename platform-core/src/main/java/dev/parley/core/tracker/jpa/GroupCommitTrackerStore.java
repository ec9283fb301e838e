package dev.parley.core.tracker.jpa;

import dev.parley.core.db.DatabaseFailures;
import dev.parley.core.db.DatabaseRetry;
import dev.parley.core.db.DatabaseUnavailableException;
import dev.parley.core.db.RetryPolicy;
import dev.parley.core.tracker.AppendConflictException;
import dev.parley.core.tracker.ConversationKey;
import dev.parley.core.tracker.StoredConversation;
import dev.parley.core.tracker.TrackerStore;
import dev.parley.plugin.conversation.Event;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tracker store with group commit: a turn hands its events to one writer thread and waits until
 * they are committed; the writer commits all turns waiting at that moment in one transaction. Each
 * turn's reply still waits for its own events to be durable, but the cost of a transaction is
 * shared under load. If a shared commit fails, its turns are retried one transaction each, so one
 * bad turn cannot fail the others; a turn whose first sequence number another server has already
 * stored fails with {@link AppendConflictException}. Transient database failures are tried again
 * with backoff ({@link RetryingBatchWriter}); when the database stays unavailable, the waiting
 * turns fail with {@link DatabaseUnavailableException}.
 *
 * <p>A database that stops answering (a network partition, a full disk) holds the writer in one
 * commit. Once that commit has lasted {@value #STALL_SECONDS} s, new turns are refused at once with
 * {@link DatabaseUnavailableException} (503) instead of queueing behind it, and a turn that waited
 * {@value #COMMIT_WAIT_SECONDS} s for its commit gets the same: its outcome is unknown, and a
 * resend with the same {@code message_id} is answered once.
 */
@ApplicationScoped
public class GroupCommitTrackerStore implements TrackerStore {

  private static final Logger LOG = Logger.getLogger(GroupCommitTrackerStore.class.getName());
  private static final int MAX_GROUP = 256;
  private static final long COMMIT_WAIT_SECONDS = 30;
  private static final long STALL_SECONDS = 5;
  private static final long IDLE = Long.MIN_VALUE;

  private final LinkedBlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
  private JpaEventLog jpa;
  private DatabaseRetry retry;
  private RetryingBatchWriter batches;
  private volatile boolean running = true;
  private volatile long commitStartedNanos = IDLE;
  private Thread writer;

  @Resource private ManagedThreadFactory threads;

  /** For CDI proxies. */
  protected GroupCommitTrackerStore() {}

  /** Writes through the given JPA store. */
  @Inject
  public GroupCommitTrackerStore(JpaEventLog jpa) {
    this.jpa = jpa;
    this.retry = new DatabaseRetry(RetryPolicy.DATABASE);
    this.batches = new RetryingBatchWriter(jpa, retry);
  }

  @PostConstruct
  void start() {
    writer = threads.newThread(this::writeLoop);
    writer.setName("parley-event-writer");
    writer.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
    }
  }

  @Override
  public List<Event> load(ConversationKey key) {
    return retry.call("loading a conversation", attempt -> jpa.load(key));
  }

  @Override
  public StoredConversation loadLatest(ConversationKey key) {
    return retry.call("loading a conversation", attempt -> jpa.loadLatest(key));
  }

  @Override
  public void saveSnapshot(ConversationKey key, int sequence, List<Event> state) {
    retry.run("storing a snapshot", attempt -> jpa.saveSnapshot(key, sequence, state));
  }

  @Override
  public void append(ConversationKey key, int firstSequence, List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    refuseWhileStalled();
    PendingAppend pending =
        new PendingAppend(key, firstSequence, List.copyOf(events), new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.done().get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("storing events failed", e.getCause());
    } catch (TimeoutException e) {
      throw new DatabaseUnavailableException(
          "the database did not confirm the turn's events within "
              + COMMIT_WAIT_SECONDS
              + " s; whether they are stored is unknown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing events", e);
    }
  }

  /** How long the writer has been in its current commit; zero when it is idle. */
  Duration currentCommitAge() {
    long started = commitStartedNanos;
    return started == IDLE ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
  }

  private void refuseWhileStalled() {
    Duration age = currentCommitAge();
    if (age.toSeconds() >= STALL_SECONDS) {
      throw new DatabaseUnavailableException(
          "the database has not confirmed a write for " + age.toSeconds() + " s");
    }
  }

  @Override
  public boolean delete(ConversationKey key) {
    return jpa.delete(key);
  }

  @Override
  public int deleteAll(java.util.Collection<ConversationKey> keys) {
    return jpa.deleteAll(keys);
  }

  @Override
  public int deleteBot(String tenant, String bot) {
    return jpa.deleteBot(tenant, bot);
  }

  private void writeLoop() {
    List<PendingAppend> group = new ArrayList<>();
    while (running) {
      try {
        group.add(queue.take());
        queue.drainTo(group, MAX_GROUP - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "event writer failed", e);
        group.forEach(pending -> pending.done().completeExceptionally(e));
      } finally {
        group.clear();
      }
    }
    List<PendingAppend> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(
        pending ->
            pending.done().completeExceptionally(new IllegalStateException("server stopping")));
  }

  private void commit(List<PendingAppend> group) {
    commitStartedNanos = System.nanoTime();
    try {
      batches.write(group);
      group.forEach(pending -> pending.done().complete(null));
    } catch (DatabaseUnavailableException unavailable) {
      group.forEach(pending -> pending.done().completeExceptionally(unavailable));
    } catch (RuntimeException shared) {
      if (group.size() == 1) {
        fail(group.get(0), shared);
        return;
      }
      for (PendingAppend pending : group) {
        try {
          batches.write(List.of(pending));
          pending.done().complete(null);
        } catch (RuntimeException own) {
          fail(pending, own);
        }
      }
    } finally {
      commitStartedNanos = IDLE;
    }
  }

  /** A turn's own failure; a unique-key violation on its first try means another server's turn. */
  private static void fail(PendingAppend pending, RuntimeException failure) {
    boolean taken = DatabaseFailures.classify(failure) == DatabaseFailures.Kind.DUPLICATE_KEY;
    pending
        .done()
        .completeExceptionally(
            taken
                ? new AppendConflictException(pending.key(), pending.firstSequence(), failure)
                : failure);
  }
}
